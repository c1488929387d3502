import { Suspense, useEffect, useLayoutEffect } from 'react'
import { isModKey } from '../../lib/keys'
import { lazyScreen } from '../../lib/lazy-screen'
import { useLocation } from '../../lib/router'
import { closeExplain, openOffered, useExplainState } from './explain-store'

const ExplainView = lazyScreen(() => import('./explain-view').then((m) => m.ExplainView))

/** The explain-mode key, Ctrl/Cmd + E (what the buttons' labels and the README say). */
export const isExplainKey = (event: KeyboardEvent): boolean =>
  isModKey(event) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'e'

/**
 * Explain mode's place in the shell: the global key opens what the current screen offers, and
 * the patient view is drawn over everything while it is open. Leaving the screen closes it.
 */
export function ExplainHost() {
  const { shown } = useExplainState()
  const path = useLocation().path

  // A layout effect: the key works from the moment a screen's button is on screen (a passive
  // effect can run later on a busy machine, and a key pressed in between did nothing).
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isExplainKey(event) || event.defaultPrevented) return
      if (openOffered()) event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  useEffect(() => closeExplain, [path])

  if (shown === null) return null
  return (
    <Suspense fallback={null}>
      <ExplainView subject={shown} onClose={closeExplain} />
    </Suspense>
  )
}
