import { Suspense, useCallback, useEffect, useState } from 'react'
import type { MouseEvent } from 'react'
import { isModKey } from '../lib/keys'
import { lazyScreen } from '../lib/lazy-screen'
import { useLocation } from '../lib/router'
import { ReadOnlyBanner } from './app-info'
import { BackupBanner } from '../features/backups/backup-banner'
import { ExplainHost } from '../features/explain/explain-host'
import { Outlet } from './outlet'
import { Sidebar } from './sidebar'
import { TopBar } from './top-bar'

const CommandPalette = lazyScreen(
  () => import('../features/palette/command-palette').then((m) => m.CommandPalette),
  { prefetchFirst: true }
)

/** Skip link, top bar (brand, search, palette), sidebar, and the current screen. */
export function Shell() {
  const [menuOpen, setMenuOpen] = useState(false)
  const [paletteOpen, setPaletteOpen] = useState(false)
  const location = useLocation()
  const [menuPath, setMenuPath] = useState(location.path)

  // The narrow-window menu closes after any navigation.
  if (menuPath !== location.path) {
    setMenuPath(location.path)
    setMenuOpen(false)
  }

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isModKey(event) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault()
        setPaletteOpen((open) => !open)
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  useEffect(() => {
    if (!menuOpen) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      setMenuOpen(false)
      document.querySelector<HTMLElement>('.top-bar__menu')?.focus()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [menuOpen])

  const closePalette = useCallback(() => setPaletteOpen(false), [])

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <TopBar
        menuOpen={menuOpen}
        onToggleMenu={() => setMenuOpen((open) => !open)}
        onOpenPalette={() => setPaletteOpen(true)}
      />
      <ReadOnlyBanner />
      <BackupBanner />
      <div className="shell__body">
        <Sidebar open={menuOpen} onNavigate={() => setMenuOpen(false)} />
        <main id="main" className="shell__main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      <ExplainHost />
      {paletteOpen && (
        <Suspense fallback={null}>
          <CommandPalette onClose={closePalette} />
        </Suspense>
      )}
    </div>
  )
}

/** `#main` would be read by the hash router as a route: move focus by hand instead. */
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault()
  const main = document.getElementById('main')
  const heading = main?.querySelector<HTMLElement>('h1')
  if (heading) {
    heading.tabIndex = -1
    heading.focus()
  } else {
    main?.focus()
  }
}
