import { protocol } from 'electron'
import { readFile, realpath, stat } from 'node:fs/promises'
import { SECURITY_HEADERS } from './csp'
import { mimeTypeFor } from './mime-types'
import { APP_SCHEME } from './origins'
import { isInside, resolveRequestPath } from './protocol-paths'

/**
 * Declares app:// as a standard, secure scheme. Must run before the app is ready: standard gives
 * it an origin and relative URLs (Vite's module scripts need both), secure makes it a secure
 * context, supportFetchAPI lets the page fetch its own files.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

/** Serves the built renderer (out/renderer) on app:// (S2). Call once the app is ready. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respondToAppRequest(request, rendererDir))
}

const emptyResponse = (status: number): Response =>
  new Response(null, { status, headers: SECURITY_HEADERS })

/**
 * Answers one app:// request from the files under `rendererDir`. The URL is vetted first
 * (protocol-paths.ts); then the real path on disk must still be inside the folder, so a symlink
 * cannot lead out of it. Unknown paths are 404; nothing is ever listed.
 */
export async function respondToAppRequest(
  request: Request,
  rendererDir: string
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return emptyResponse(405)
  const resolved = resolveRequestPath(request.url, rendererDir)
  if (!resolved.ok) return emptyResponse(resolved.status)
  try {
    const [root, real] = await Promise.all([realpath(rendererDir), realpath(resolved.filePath)])
    if (!isInside(root, real) || !(await stat(real)).isFile()) return emptyResponse(404)
    const headers = { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(real) }
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers })
    const body = new Uint8Array(await readFile(real))
    return new Response(body, { status: 200, headers })
  } catch {
    // Missing file (ENOENT), a dangling link, or an unreadable one: all the page needs is 404.
    return emptyResponse(404)
  }
}
