import { isTrustedUrl, originOf } from './origins'
import type { TrustedOrigins } from './origins'

/**
 * Pure decisions behind the session and webContents guards in security.ts, kept apart so they can
 * be tested without Electron.
 */

/** A page may only ever navigate within the app itself. */
export function isAllowedNavigation(url: string, trusted: TrustedOrigins): boolean {
  return isTrustedUrl(url, trusted)
}

/**
 * Schemes that never leave the machine: the app's own files, inline data (images and fonts in the
 * CSP), blob: workers (mermaid), and DevTools' own pages when they are open in development.
 */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:'])

/**
 * Whether the session lets a request through (S10). Everything outside app:// is cancelled:
 * http(s), ws(s), file:, ftp: and any scheme not named here. In development the Vite dev server
 * origin is allowed as well, over http for modules and ws for hot reload.
 */
export function isAllowedRequestUrl(url: string, trusted: TrustedOrigins): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (isTrustedUrl(url, { app: trusted.app, dev: null })) return true
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true
  if (trusted.dev !== null && (parsed.protocol === 'ws:' || parsed.protocol === 'wss:')) {
    const asHttp = `${parsed.protocol === 'ws:' ? 'http:' : 'https:'}//${parsed.host}`
    return asHttp === trusted.dev
  }
  return trusted.dev !== null && originOf(url) === trusted.dev
}
