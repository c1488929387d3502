import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

/**
 * The built renderer, served to Chromium at a fixed fake origin through Playwright routing (the
 * stand-in for the app:// protocol, which plain Chromium cannot register). Every other request
 * is refused and recorded: S10 says nothing may leave the app.
 */
export const APP_ORIGIN = 'http://pointbook.test'

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.wasm': 'application/wasm'
}

export interface StaticResponse {
  status: number
  headers: Record<string, string>
  body: Buffer | string
}

export async function serveRendererFile(
  rendererDir: string,
  url: URL,
  csp: string
): Promise<StaticResponse> {
  const pathname = decodeURIComponent(url.pathname)
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '')
  const file = normalize(join(rendererDir, relative))
  if (!file.startsWith(rendererDir + sep)) return { status: 404, headers: {}, body: 'Not found' }
  try {
    const body = await readFile(file)
    const type = MIME[extname(file)] ?? 'application/octet-stream'
    const headers: Record<string, string> = { 'content-type': type }
    if (type.startsWith('text/html')) headers['content-security-policy'] = csp
    return { status: 200, headers, body }
  } catch {
    return { status: 404, headers: {}, body: 'Not found' }
  }
}
