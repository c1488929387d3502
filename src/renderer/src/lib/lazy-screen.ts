import { lazy } from 'react'
import type { ComponentType, LazyExoticComponent } from 'react'

/** Every on-demand screen's loader, in the order they were declared (see prefetchScreens). */
const loaders: Array<() => Promise<unknown>> = []

/**
 * A screen in its own chunk (React.lazy), loaded the first time it is shown. The loader is also
 * registered for `prefetchScreens`, so after the first screen is up the chunks arrive in idle
 * time and a later navigation does not wait for the network. A failed load is forgotten so the
 * next attempt tries again. `prefetchFirst` puts it at the front of the prefetch queue (the
 * screens most often opened from the start screen).
 */
export function lazyScreen<P extends object>(
  load: () => Promise<ComponentType<P>>,
  options: { prefetchFirst?: boolean } = {}
): LazyExoticComponent<ComponentType<P>> {
  let loading: Promise<ComponentType<P>> | null = null
  const once = (): Promise<ComponentType<P>> => {
    loading ??= load().catch((error: unknown) => {
      loading = null
      throw error
    })
    return loading
  }
  if (options.prefetchFirst) loaders.unshift(once)
  else loaders.push(once)
  return lazy(() => once().then((component) => ({ default: component })))
}

type IdleScheduler = (run: () => void) => void

const whenIdle: IdleScheduler = (run) => {
  if (typeof window.requestIdleCallback === 'function') {
    window.requestIdleCallback(run, { timeout: 2000 })
  } else {
    window.setTimeout(run, 50)
  }
}

/**
 * Loads every registered screen chunk, one per idle period, so the work never competes with the
 * screen the user is looking at. Failures are ignored: the screen retries when it is opened.
 */
export function prefetchScreens(schedule: IdleScheduler = whenIdle): void {
  const queue = [...loaders]
  const next = (): void => {
    const load = queue.shift()
    if (!load) return
    schedule(() => {
      load().then(next, next)
    })
  }
  next()
}
