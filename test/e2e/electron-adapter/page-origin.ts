import { APP_ORIGIN } from '../../../src/main/origins'

/**
 * Plain Chromium cannot register a custom scheme, so the page runs at this http origin and the
 * adapter maps it to app://pointbook and back: every request the page makes reaches the shell's
 * `protocol.handle('app', …)` handler and session guards under its app:// address, and the
 * shell's sender and navigation checks see the frame's app:// URL. Any other origin is passed on
 * unchanged, so the shell judges it as the outside origin it is.
 */
export const PAGE_ORIGIN = 'http://pointbook.test'

/** The URL as the shell sees it: the page origin becomes app://pointbook. */
export function toShellUrl(pageUrl: string): string {
  return isPageOrigin(pageUrl) ? APP_ORIGIN + pageUrl.slice(PAGE_ORIGIN.length) : pageUrl
}

/** The URL Chromium loads for one the shell asked for (loadURL): app://pointbook → page origin. */
export function toPageUrl(shellUrl: string): string {
  const prefix = shellUrl.slice(0, APP_ORIGIN.length).toLowerCase()
  const rest = shellUrl.slice(APP_ORIGIN.length)
  return prefix === APP_ORIGIN && /^(?:[/?#]|$)/.test(rest) ? PAGE_ORIGIN + rest : shellUrl
}

const isPageOrigin = (url: string): boolean =>
  url.startsWith(PAGE_ORIGIN) && /^(?:[/?#]|$)/.test(url.slice(PAGE_ORIGIN.length))
