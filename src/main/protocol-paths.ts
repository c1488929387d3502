import { isAbsolute, resolve, sep } from 'node:path'
import { APP_HOST, APP_SCHEME } from './origins'

export type RequestPath =
  | { readonly ok: true; readonly filePath: string }
  | { readonly ok: false; readonly status: 400 | 404 }

/**
 * Traversal tricks looked for in the raw URL, before any decoding: dot segments (plain or
 * percent-encoded, which the URL parser would otherwise quietly collapse), backslashes, encoded
 * slashes and NUL bytes. None of them occurs in a file name Vite emits, so anything carrying one
 * is refused outright instead of being normalised into something that happens to exist.
 */
const RAW_TRAVERSAL = /(?:^|[/\\])(?:\.|%2e){2}(?:[/\\?#]|$)|\\|%5c|%2f|%00|\0/i
/** Same after decoding, plus a drive letter or stream name (C:, file::$DATA) on Windows. */
const DECODED_FORBIDDEN = /[\\\0:]/

/**
 * Maps an app:// request URL to a file under `rootDir` (out/renderer), or says why not:
 * 400 for a malformed or hostile path, 404 for another host or a directory (S2). Whether the file
 * exists, and whether a symlink leads out of the folder, is checked by the caller on disk.
 */
export function resolveRequestPath(requestUrl: string, rootDir: string): RequestPath {
  const schemePrefix = `${APP_SCHEME}://`
  if (!requestUrl.toLowerCase().startsWith(schemePrefix)) return { ok: false, status: 400 }
  // Host and path as sent, without the query and fragment (which never name a file).
  const rawTarget = requestUrl.slice(schemePrefix.length).replace(/[?#].*$/s, '')
  if (RAW_TRAVERSAL.test(rawTarget)) return { ok: false, status: 400 }

  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return { ok: false, status: 400 }
  }
  if (url.host.toLowerCase() !== APP_HOST) return { ok: false, status: 404 }

  let decoded: string
  try {
    decoded = decodeURIComponent(url.pathname)
  } catch {
    return { ok: false, status: 400 }
  }
  if (DECODED_FORBIDDEN.test(decoded)) return { ok: false, status: 400 }
  const segments = decoded.split('/').filter((segment) => segment !== '')
  if (segments.some((segment) => segment === '.' || segment === '..')) {
    return { ok: false, status: 400 }
  }
  if (decoded.endsWith('/') && segments.length > 0) return { ok: false, status: 404 }
  const relativePath = segments.length === 0 ? 'index.html' : segments.join('/')
  if (isAbsolute(relativePath)) return { ok: false, status: 400 }

  const root = resolve(rootDir)
  const filePath = resolve(root, relativePath)
  if (!isInside(root, filePath)) return { ok: false, status: 400 }
  return { ok: true, filePath }
}

/** Whether `candidate` (a resolved real path) lies inside `root` (also a real path). */
export function isInside(root: string, candidate: string): boolean {
  return candidate.startsWith(root.endsWith(sep) ? root : root + sep)
}
