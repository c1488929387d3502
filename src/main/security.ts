import { app, shell } from 'electron'
import type { Session, WebContents } from 'electron'
import { isAllowedExternalUrl } from './external-links'
import type { TrustedOrigins } from './origins'
import { isAllowedNavigation, isAllowedRequestUrl } from './security-policy'

export interface GuardOptions {
  /** The app's own origin (and the dev server's in development): the only places pages may be. */
  readonly trusted: TrustedOrigins
}

/**
 * Hands an allow-listed https link to the system browser (S3); everything else is dropped. This
 * is where a link the user clicked ends up: as a navigation the guard below cancels, or as a
 * window.open / target=_blank that the window-open handler denies.
 */
function openIfAllowed(url: string): void {
  if (!isAllowedExternalUrl(url)) return
  shell
    .openExternal(url)
    .catch((error: unknown) => console.error('Pointbook: could not open a link', error))
}

/**
 * Locks down one webContents (S3): no navigation away from the app, no redirects out of it, no
 * new windows, no <webview>.
 */
export function hardenWebContents(contents: WebContents, options: GuardOptions): void {
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url, options.trusted)) return
    event.preventDefault()
    if (event.isMainFrame) openIfAllowed(event.url)
  })
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url, options.trusted)) event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/**
 * Every webContents, including ones created later (the print window, DevTools), is hardened the
 * moment it exists, before it can load anything.
 */
export function hardenAllWebContents(options: GuardOptions): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, options))
}

/**
 * Session-wide guards: every permission request and check is denied (S5), every request that
 * would leave the app is cancelled (S10), and downloads are refused (files are written by the
 * main process through its own dialogs, never by the page).
 */
export function hardenSession(session: Session, options: GuardOptions): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, options.trusted) })
  })
  session.on('will-download', (event) => event.preventDefault())
}

/**
 * Hardens every session, including partitions created later (a print window may get its own),
 * as soon as it exists. Returns the same hardening for sessions that already exist, such as the
 * default session once the app is ready; each session is hardened once.
 */
export function hardenAllSessions(options: GuardOptions): (session: Session) => void {
  const hardened = new WeakSet<Session>()
  const hardenOnce = (session: Session): void => {
    if (hardened.has(session)) return
    hardened.add(session)
    hardenSession(session, options)
  }
  app.on('session-created', hardenOnce)
  return hardenOnce
}
