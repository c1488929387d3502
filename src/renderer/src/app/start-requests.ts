/**
 * The first requests of the usual start screen, sent by main.tsx before React is even evaluated
 * (this module imports nothing that needs it). The screens take the answers with `takeEarly`.
 */
import { api, startEarly } from '../lib/api'

/** `app:info` (the read-only flag), asked once by AppInfoProvider. */
export const loadAppInfo = () => api.app.info({})

/** Every article, the bin included: what the library screen shows. */
export const loadLibrary = () => api.articles.list({ includeDeleted: true })

/** The library is the start screen for an empty hash too (the router's default route). */
const LIBRARY_HASH = /^(?:#?\/?|#\/articles(?:\?.*)?)$/

export function startEarlyRequests(hash: string): void {
  startEarly(loadAppInfo)
  if (LIBRARY_HASH.test(hash)) startEarly(loadLibrary)
}
