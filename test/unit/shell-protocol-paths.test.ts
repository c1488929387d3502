import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../src/main/csp'
import { mimeTypeFor } from '../../src/main/mime-types'
import { isInside, resolveRequestPath } from '../../src/main/protocol-paths'

const ROOT = '/app/out/renderer'

describe('resolveRequestPath (S2)', () => {
  it.each([
    ['app://pointbook/', 'index.html'],
    ['app://pointbook', 'index.html'],
    ['app://pointbook/index.html', 'index.html'],
    ['app://pointbook/index.html#/articles/what-is-ims', 'index.html'],
    ['app://pointbook/assets/index-Bx1.js?import', 'assets/index-Bx1.js'],
    ['app://pointbook/assets/noto%20sans.woff2', 'assets/noto sans.woff2'],
    ['app://POINTBOOK/index.html', 'index.html'],
    ['app://pointbook//assets//a.js', 'assets/a.js']
  ])('maps %s to %s', (url, relative) => {
    expect(resolveRequestPath(url, ROOT)).toEqual({ ok: true, filePath: join(ROOT, relative) })
  })

  it.each([
    'app://pointbook/../etc/passwd',
    'app://pointbook/assets/../../etc/passwd',
    'app://pointbook/..',
    'app://pointbook/%2e%2e/etc/passwd',
    'app://pointbook/%2E%2E/etc/passwd',
    'app://pointbook/.%2e/etc/passwd',
    'app://pointbook/%2e./etc/passwd',
    'app://pointbook/assets/%2e%2e',
    'app://pointbook/..%5c..%5cetc%5cpasswd',
    'app://pointbook/%5C..%5Cetc',
    'app://pointbook/..\\..\\etc\\passwd',
    'app://pointbook/assets%2f..%2f..%2fetc%2fpasswd',
    'app://pointbook/assets%2F..%2Fsecret',
    'app://pointbook/%2fetc%2fpasswd',
    'app://pointbook/index.html%00.png',
    'app://pointbook/index.html\0.png',
    'app://pointbook/C:%5CWindows%5Cwin.ini',
    'app://pointbook/C:/Windows/win.ini',
    'app://pointbook/file.txt::$DATA',
    'app://pointbook/%E0%A4%A',
    'app://../etc/passwd',
    'file:///etc/passwd',
    'https://pointbook/index.html'
  ])('refuses %s with 400', (url) => {
    expect(resolveRequestPath(url, ROOT)).toEqual({ ok: false, status: 400 })
  })

  it.each(['app://other/index.html', 'app://pointbook.evil/index.html', 'app://pointbook/assets/'])(
    'answers 404 for %s',
    (url) => {
      expect(resolveRequestPath(url, ROOT)).toEqual({ ok: false, status: 404 })
    }
  )

  it('never resolves outside the root, whatever the input', () => {
    const tricks = ['..', '%2e%2e', '%2E.', '.%2E', '%5c', '%2f', '\\', '/', '%00', 'a', '.']
    for (const a of tricks) {
      for (const b of tricks) {
        for (const c of tricks) {
          const result = resolveRequestPath(`app://pointbook/${a}${b}/${c}/x`, ROOT)
          if (result.ok) expect(isInside(ROOT, result.filePath)).toBe(true)
        }
      }
    }
  })
})

describe('isInside', () => {
  it('is true only strictly inside the folder', () => {
    expect(isInside('/a/b', '/a/b/c')).toBe(true)
    expect(isInside('/a/b', '/a/b')).toBe(false)
    expect(isInside('/a/b', '/a/bc/d')).toBe(false)
    expect(isInside('/a/b/', '/a/b/c')).toBe(true)
  })
})

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-x.js', 'text/javascript; charset=utf-8'],
    ['assets/worker.mjs', 'text/javascript; charset=utf-8'],
    ['assets/index.CSS', 'text/css; charset=utf-8'],
    ['fonts/noto.woff2', 'font/woff2'],
    ['img/body.svg', 'image/svg+xml'],
    ['img/a.png', 'image/png'],
    ['data.json', 'application/json; charset=utf-8'],
    ['README', 'application/octet-stream'],
    ['dir.d/file', 'application/octet-stream'],
    ['weird.exe', 'application/octet-stream']
  ])('%s is %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type)
  })
})

describe('Content Security Policy (S4)', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/)
      return [name, values] as const
    })
  )

  it('allows scripts from the app only: no inline script, no eval', () => {
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval')
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'")
  })

  it('denies by default and locks down objects, base, forms and framing', () => {
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
    expect(directives.get('form-action')).toEqual(["'none'"])
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
  })

  it('allows inline styles (mermaid SVG) but nothing remote anywhere', () => {
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"])
    expect(directives.get('connect-src')).toEqual(["'self'"])
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/)
  })

  it('is part of the headers sent with every response', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff')
  })
})
