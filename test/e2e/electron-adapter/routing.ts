import type { BrowserContext, Frame, Page, Request, Route } from 'playwright-core'
import type { AdapterWindow } from './browser-window'
import type { AdapterSession } from './session'
import { toShellUrl } from './page-origin'
import type { AdapterRecords } from './records'

export interface RoutingHost {
  readonly records: AdapterRecords
  /** The window a page belongs to; undefined for a page no window made (a popup). */
  windowOf(page: Page): AdapterWindow | undefined
}

/**
 * Every request of a session's browser context, in the order Electron handles it:
 * 1. a main-frame navigation asks the window's 'will-navigate' listeners (the shell's guard);
 * 2. the session's onBeforeRequest (the shell's S10 guard) may cancel it;
 * 3. the session's protocol handler for the URL's scheme answers it (app:// → the shell's
 *    respondToAppRequest; the print session's in-memory documents).
 * Anything with no handler fails as an unknown scheme would. Requests for another origin are
 * recorded whatever happens to them.
 */
export async function routeSession(
  context: BrowserContext,
  session: AdapterSession,
  host: RoutingHost
): Promise<void> {
  await context.route('**/*', (route) => handle(route, session, host))
  // A popup is never a window of the app: the shell's window-open handler has been asked.
  context.on('page', (page) => {
    void page.opener().then((opener) => {
      if (opener !== null) return page.close()
    })
  })
  context.on('download', (download) => {
    if (session.willDownload(toShellUrl(download.url()))) void download.cancel()
  })
}

async function handle(route: Route, session: AdapterSession, host: RoutingHost): Promise<void> {
  const request = route.request()
  const pageUrl = request.url()
  const url = toShellUrl(pageUrl)
  if (url === pageUrl) host.records.externalRequests.push(pageUrl)
  const window = await navigationTarget(request, host)
  if (window === 'refused') return route.abort('aborted')
  if (!(await session.allows(url, request.method(), request.resourceType()))) {
    host.records.cancelledRequests.push(url)
    return route.abort('blockedbyclient')
  }
  const handler = session.handlerFor(new URL(url).protocol.slice(0, -1))
  if (handler === undefined) return route.abort('failed')
  const response = await handler(new Request(url, { method: request.method() }))
  const body = Buffer.from(await response.arrayBuffer())
  if (window !== null && response.ok) window.webContents.document = body.toString('utf8')
  return route.fulfill({
    status: response.status,
    headers: Object.fromEntries(response.headers.entries()),
    body
  })
}

/**
 * For a main-frame navigation: the window it happens in, or 'refused' when the shell's
 * will-navigate listener said no. Null for any other request. Electron does not ask will-navigate
 * about loadURL or reload; this asks about every main-frame navigation, so a test's page.goto to
 * an outside address is refused like a link. A navigation with no frame yet is a new window's:
 * the opener's window-open handler was asked already (browser-window.ts, Page.windowOpen), and
 * the adapter opens no window the shell did not create itself.
 */
async function navigationTarget(
  request: Request,
  host: RoutingHost
): Promise<AdapterWindow | 'refused' | null> {
  if (!request.isNavigationRequest()) return null
  let frame: Frame
  try {
    frame = request.frame()
  } catch {
    return 'refused'
  }
  if (frame.parentFrame() !== null) return null
  const window = host.windowOf(frame.page())
  if (window === undefined) return 'refused'
  const url = toShellUrl(request.url())
  let prevented = false
  window.webContents.emit('will-navigate', {
    url,
    isMainFrame: true,
    preventDefault: () => (prevented = true)
  })
  if (!prevented) return window
  host.records.cancelledNavigations.push(url)
  return 'refused'
}
