import { describe, expect, it } from 'vitest'
import { EXTERNAL_LINK_HOSTS, isAllowedExternalUrl } from '../../src/main/external-links'
import {
  APP_ORIGIN,
  devRendererOrigin,
  isTrustedUrl,
  originOf,
  trustedOrigins
} from '../../src/main/origins'
import { isAllowedNavigation, isAllowedRequestUrl } from '../../src/main/security-policy'

const packaged = trustedOrigins({}, true)
const dev = trustedOrigins({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, false)

describe('origins', () => {
  it('builds an origin for custom schemes, where URL.origin says "null"', () => {
    expect(new URL('app://pointbook/index.html').origin).toBe('null')
    expect(originOf('app://pointbook/index.html#/x')).toBe(APP_ORIGIN)
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173')
    expect(originOf('file:///etc/passwd')).toBeNull()
    expect(originOf('about:blank')).toBeNull()
    expect(originOf('not a url')).toBeNull()
    expect(originOf(null)).toBeNull()
  })

  it('trusts the dev server only unpackaged, only on this machine, only over http(s)', () => {
    expect(devRendererOrigin({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, false)).toBe(
      'http://localhost:5173'
    )
    expect(devRendererOrigin({ ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173' }, false)).toBe(
      'http://127.0.0.1:5173'
    )
    expect(devRendererOrigin({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, true)).toBeNull()
    expect(devRendererOrigin({ ELECTRON_RENDERER_URL: 'https://evil.example/' }, false)).toBeNull()
    expect(devRendererOrigin({ ELECTRON_RENDERER_URL: 'file:///tmp/index.html' }, false)).toBeNull()
    expect(devRendererOrigin({ ELECTRON_RENDERER_URL: 'garbage' }, false)).toBeNull()
    expect(devRendererOrigin({}, false)).toBeNull()
  })

  it('recognises the app page and nothing that merely looks like it', () => {
    expect(isTrustedUrl('app://pointbook/index.html', packaged)).toBe(true)
    expect(isTrustedUrl('app://pointbook.evil/index.html', packaged)).toBe(false)
    expect(isTrustedUrl('app://evil/pointbook', packaged)).toBe(false)
    expect(isTrustedUrl('app://user@evil/index.html', packaged)).toBe(false)
    expect(isTrustedUrl('http://localhost:5173/', packaged)).toBe(false)
    expect(isTrustedUrl('http://localhost:5173/', dev)).toBe(true)
  })
})

describe('navigation policy (S3)', () => {
  it('allows only the app itself', () => {
    expect(isAllowedNavigation('app://pointbook/index.html', packaged)).toBe(true)
    for (const url of ['https://doi.org/x', 'javascript:alert(1)', 'file:///x', 'about:blank']) {
      expect(isAllowedNavigation(url, packaged)).toBe(false)
    }
  })
})

describe('request policy (S10)', () => {
  it.each([
    ['app://pointbook/assets/a.js', true],
    ['data:font/woff2;base64,AAAA', true],
    ['blob:app://pointbook/uuid', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['http://localhost:5173/', false],
    ['https://doi.org/', false],
    ['ws://localhost:5173/', false],
    ['file:///etc/passwd', false],
    ['app://other/a.js', false]
  ])('packaged: %s → %s', (url, allowed) => {
    expect(isAllowedRequestUrl(url, packaged)).toBe(allowed)
  })

  it.each([
    ['http://localhost:5173/@vite/client', true],
    ['ws://localhost:5173/', true],
    ['wss://localhost:5173/', false],
    ['http://localhost:5174/', false],
    ['http://127.0.0.1:5173/', false],
    ['https://localhost:5173/', false]
  ])('development: %s → %s', (url, allowed) => {
    expect(isAllowedRequestUrl(url, dev)).toBe(allowed)
  })
})

describe('isAllowedExternalUrl (S3)', () => {
  it.each([
    'https://doi.org/10.2106/00004623-197658060-00014',
    'https://pubmed.ncbi.nlm.nih.gov/1017280/',
    'https://www.nice.org.uk/guidance/ng59',
    'HTTPS://DOI.ORG/10.1/x'
  ])('opens %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true)
  })

  it.each([
    'http://doi.org/10.1/x',
    'https://doi.org.evil.example/x',
    'https://evil.example/?u=https://doi.org',
    'https://evil.example/doi.org',
    'https://doi.org@evil.example/',
    'https://user:pass@doi.org/',
    'https://doi.org:8443/x',
    'https://sub.doi.org/x',
    'javascript:alert(1)//https://doi.org',
    'file:///etc/passwd',
    'app://pointbook/index.html',
    'mailto:clinic@example.org',
    'doi.org/10.1/x',
    ''
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false)
  })

  it('lists exact host names only', () => {
    for (const host of EXTERNAL_LINK_HOSTS) expect(host).toMatch(/^[a-z0-9.-]+\.[a-z]+$/)
  })
})
