import { useSyncExternalStore } from 'react'

/**
 * A small hash router: `#/articles/abc/edit?x=1`. Hash URLs work under the app:// protocol with
 * no server-side routing. All in-app navigation goes through `navigate()`, which first asks the
 * registered guard (the editor's "unsaved changes" check). Back/forward and plain `href="#/…"`
 * links arrive as popstate/hashchange events and are guarded too.
 */

export interface RouteLocation {
  /** '#/articles/abc?x=1' exactly as in the address bar. */
  readonly href: string
  /** '/articles/abc' */
  readonly path: string
  readonly query: URLSearchParams
}

export type NavigationGuard = () => boolean | Promise<boolean>

const DEFAULT_HREF = '#/articles'

const listeners = new Set<() => void>()
let current = start()
let guard: NavigationGuard | null = null
let guarding = false

function readHash(): string {
  const hash = window.location.hash
  return hash.startsWith('#/') ? hash : DEFAULT_HREF
}

/** The first address: an empty or foreign hash becomes the default route, in the address bar too. */
function start(): string {
  const href = readHash()
  if (window.location.hash !== href) window.history.replaceState(null, '', href)
  return href
}

/** '/articles' or '#/articles' → '#/articles' */
export function toHref(to: string): string {
  if (to.startsWith('#/')) return to
  if (to.startsWith('/')) return `#${to}`
  return `#/${to}`
}

export function parseHref(href: string): RouteLocation {
  const raw = href.startsWith('#') ? href.slice(1) : href
  const q = raw.indexOf('?')
  const path = (q === -1 ? raw : raw.slice(0, q)).replace(/\/+$/, '') || '/'
  const query = new URLSearchParams(q === -1 ? '' : raw.slice(q + 1))
  return { href: toHref(raw), path, query }
}

function emit(): void {
  for (const listener of listeners) listener()
}

function commit(href: string, replace: boolean): void {
  current = href
  if (window.location.hash !== href) {
    if (replace) window.history.replaceState(null, '', href)
    else window.history.pushState(null, '', href)
  }
  emit()
}

async function askGuard(): Promise<boolean> {
  if (!guard || guarding) return !guarding
  guarding = true
  try {
    return await guard()
  } finally {
    guarding = false
  }
}

/** Navigates in the app; resolves false when the user chose to stay (unsaved changes). */
export async function navigate(to: string, options: { replace?: boolean } = {}): Promise<boolean> {
  const href = toHref(to)
  if (href === current) return true
  if (!(await askGuard())) return false
  commit(href, options.replace ?? false)
  return true
}

/** Registers the guard consulted before leaving the current screen; returns the unregister. */
export function setNavigationGuard(next: NavigationGuard): () => void {
  guard = next
  return () => {
    if (guard === next) guard = null
  }
}

async function onExternalChange(): Promise<void> {
  const next = readHash()
  if (next === current) return
  if (guard) {
    // Put the address back while the user decides; go on only if they agree to leave.
    window.history.replaceState(null, '', current)
    if (!(await askGuard())) return
    commit(next, true)
    return
  }
  commit(next, true)
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    window.addEventListener('hashchange', handleEvent)
    window.addEventListener('popstate', handleEvent)
    // An address changed while nothing listened (before the first screen mounted: a link opened
    // as the app started) is followed now; it was missed, and the app showed the first address.
    if (readHash() !== current) queueMicrotask(handleEvent)
  }
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0) {
      window.removeEventListener('hashchange', handleEvent)
      window.removeEventListener('popstate', handleEvent)
    }
  }
}

function handleEvent(): void {
  void onExternalChange()
}

const getSnapshot = (): string => current

const cache = new Map<string, RouteLocation>()

/** The current location; re-renders on every navigation. */
export function useLocation(): RouteLocation {
  const href = useSyncExternalStore(subscribe, getSnapshot)
  let location = cache.get(href)
  if (!location) {
    location = parseHref(href)
    cache.clear()
    cache.set(href, location)
  }
  return location
}

/** Re-reads the address bar (tests reset the location between cases). */
export function resetRouterForTests(): void {
  guard = null
  guarding = false
  current = start()
  emit()
}

export interface RouteMatch {
  readonly params: Readonly<Record<string, string>>
  readonly location: RouteLocation
}

/** Matches '/articles/:id/edit' against '/articles/abc/edit'. */
export function matchPath(pattern: string, path: string): Readonly<Record<string, string>> | null {
  const want = pattern.split('/').filter(Boolean)
  const got = path.split('/').filter(Boolean)
  if (want.length !== got.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string
    const g = got[i] as string
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(g)
      } catch {
        return null
      }
    } else if (w !== g) {
      return null
    }
  }
  return params
}

/** Builds '#/search?q=…' from a path and query values (empty values are left out). */
export function hrefWith(
  path: string,
  query: Record<string, string | string[] | undefined>
): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const v of value) params.append(key, v)
    else if (value) params.set(key, value)
  }
  const qs = params.toString()
  return toHref(qs ? `${path}?${qs}` : path)
}
