import { Suspense, useEffect, useRef } from 'react'
import { Loading } from '../components/states'
import { Link } from '../lib/link'
import { matchPath, navigate, useLocation } from '../lib/router'
import { lazyScreen } from '../lib/lazy-screen'
import { useDocumentTitle } from '../lib/use-document-title'
import { SECTIONS } from './sections'
import type { RouteDef } from './types'

const SearchScreen = lazyScreen(
  () => import('../features/search/search-screen').then((m) => m.SearchScreen),
  { prefetchFirst: true }
)

const ROUTES: readonly RouteDef[] = [
  ...SECTIONS.flatMap((section) => section.routes),
  { pattern: '/search', render: ({ location }) => <SearchScreen query={location.query} /> }
]

/** Draws the screen for the current address; moves focus to it after an in-app navigation. */
export function Outlet() {
  const location = useLocation()
  const lastPath = useRef(location.path)

  useEffect(() => {
    if (location.path === '/') void navigate(SECTIONS[0]?.path ?? '/articles', { replace: true })
  }, [location.path])

  useEffect(() => {
    if (lastPath.current === location.path) return
    lastPath.current = location.path
    // Let screen readers and keyboard users start at the new screen, not at the link they used.
    const main = document.getElementById('main')
    if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true })
    main?.scrollTo?.({ top: 0 })
  }, [location.path])

  for (const route of ROUTES) {
    const params = matchPath(route.pattern, location.path)
    if (params) {
      return (
        <Suspense fallback={<Loading label="Opening" />}>
          {route.render({ params, location })}
        </Suspense>
      )
    }
  }
  return location.path === '/' ? null : <NotFound />
}

function NotFound() {
  useDocumentTitle('Not found')
  return (
    <section className="screen" aria-labelledby="not-found-title">
      <h1 id="not-found-title">This page does not exist</h1>
      <p>The link may be out of date.</p>
      <p>
        <Link to={SECTIONS[0]?.path ?? '/articles'} className="button">
          Go to the {SECTIONS[0]?.label ?? 'library'}
        </Link>
      </p>
    </section>
  )
}
