/**
 * Which origins the shell trusts. The UI is served from app://pointbook (see protocol.ts); in
 * development electron-vite serves it from a local Vite server instead, and that one origin is
 * trusted too, but only in an unpackaged app.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'pointbook'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

export interface TrustedOrigins {
  /** Always `app://pointbook`. */
  readonly app: string
  /** The Vite dev server origin (`http://localhost:5173`), or null in a packaged or built app. */
  readonly dev: string | null
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * `scheme://host[:port]` of a URL, or null when it cannot be parsed or has no host. WHATWG
 * `URL.origin` is the string 'null' for custom schemes such as app:, so the origin is built from
 * the parts instead.
 */
export function originOf(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || url === '') return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.host === '') return null
  return `${parsed.protocol}//${parsed.host}`
}

/**
 * The dev server origin from ELECTRON_RENDERER_URL (set by `electron-vite dev`). Ignored in a
 * packaged app, and unless it points at this machine over http(s): an environment variable must
 * never make a remote site trusted.
 */
export function devRendererOrigin(
  env: Readonly<Record<string, string | undefined>>,
  isPackaged: boolean
): string | null {
  const raw = env['ELECTRON_RENDERER_URL']
  if (isPackaged || raw === undefined || raw === '') return null
  let parsed: URL
  try {
    parsed = new URL(raw)
  } catch {
    return null
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null
  if (!LOOPBACK_HOSTS.has(parsed.hostname)) return null
  return `${parsed.protocol}//${parsed.host}`
}

export function trustedOrigins(
  env: Readonly<Record<string, string | undefined>>,
  isPackaged: boolean
): TrustedOrigins {
  return { app: APP_ORIGIN, dev: devRendererOrigin(env, isPackaged) }
}

/** Whether a URL belongs to the app itself (its own origin, or the dev server in development). */
export function isTrustedUrl(url: string | null | undefined, trusted: TrustedOrigins): boolean {
  const origin = originOf(url)
  if (origin === null) return false
  return origin === trusted.app || (trusted.dev !== null && origin === trusted.dev)
}
