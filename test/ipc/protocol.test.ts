import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../src/main/csp'
import { registerAppScheme, respondToAppRequest, serveAppProtocol } from '../../src/main/protocol'

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron())
vi.mock('electron', () => fake.module)

let root: string
let rendererDir: string

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'pointbook-protocol-'))
  rendererDir = join(root, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Pointbook</title>')
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)')
  writeFileSync(join(rendererDir, 'assets', 'font.woff2'), 'woff2')
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer folder')
  symlinkSync(join(root, 'secret.txt'), join(rendererDir, 'assets', 'link-out.txt'))
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

/** Chromium hands the handler a Request; a plain object keeps the URL exactly as written. */
const request = (url: string, method = 'GET') => ({ url, method }) as unknown as Request

describe('app:// scheme', () => {
  it('is registered as standard, secure and fetchable', () => {
    registerAppScheme()
    expect(fake.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          supportFetchAPI: true
        }) as unknown
      }
    ])
  })

  it('is served by protocol.handle', () => {
    serveAppProtocol('/somewhere/out/renderer')
    expect(fake.module.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
  })
})

describe('app:// responses (S2, S4)', () => {
  it('serves index.html for / with the CSP and a HTML content type', async () => {
    const response = await respondToAppRequest(request('app://pointbook/'), rendererDir)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toContain('<title>Pointbook</title>')
  })

  it('serves assets with their MIME type and the CSP', async () => {
    const script = await respondToAppRequest(
      request('app://pointbook/assets/index-abc.js?v=1#x'),
      rendererDir
    )
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    const font = await respondToAppRequest(
      request('app://pointbook/assets/font.woff2'),
      rendererDir
    )
    expect(font.headers.get('content-type')).toBe('font/woff2')
  })

  it.each([
    'app://pointbook/missing.js',
    'app://pointbook/assets/',
    'app://pointbook/assets',
    'app://other-host/index.html'
  ])('answers 404 for %s', async (url) => {
    expect((await respondToAppRequest(request(url), rendererDir)).status).toBe(404)
  })

  it('does not follow a symlink out of the renderer folder', async () => {
    const response = await respondToAppRequest(
      request('app://pointbook/assets/link-out.txt'),
      rendererDir
    )
    expect(response.status).toBe(404)
  })

  it.each([
    'app://pointbook/../secret.txt',
    'app://pointbook/assets/../../secret.txt',
    'app://pointbook/%2e%2e/secret.txt',
    'app://pointbook/%2E%2E/secret.txt',
    'app://pointbook/.%2e/secret.txt',
    'app://pointbook/..%5csecret.txt',
    'app://pointbook/..\\secret.txt',
    'app://pointbook/assets%2f..%2f..%2fsecret.txt',
    'app://pointbook/index.html%00.js',
    'app://pointbook/%2Fetc%2Fpasswd',
    'app://pointbook/C:%5CWindows%5Cwin.ini',
    'app://pointbook/C:/Windows/win.ini'
  ])('refuses the traversal %s without reading the file', async (url) => {
    const response = await respondToAppRequest(request(url), rendererDir)
    expect([400, 404]).toContain(response.status)
    expect(await response.text()).not.toContain('outside the renderer folder')
  })

  it('refuses methods other than GET and HEAD', async () => {
    const response = await respondToAppRequest(request('app://pointbook/', 'POST'), rendererDir)
    expect(response.status).toBe(405)
  })
})
