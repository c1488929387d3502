import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Session, WebContents } from 'electron'
import { trustedOrigins } from '../../src/main/origins'
import {
  hardenAllSessions,
  hardenAllWebContents,
  hardenSession,
  hardenWebContents
} from '../../src/main/security'
import {
  buildPrintWebPreferences,
  buildWebPreferences,
  createMainWindow
} from '../../src/main/window'
import { FakeSession, FakeWebContents, fakeEvent } from './fake-electron'

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron())
vi.mock('electron', () => fake.module)

const packaged = trustedOrigins({}, true)
const dev = trustedOrigins({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)

const S1 = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false
}

describe('windows (S1)', () => {
  it('locks down the main window and loads the contract preload', () => {
    const prefs = buildWebPreferences('/app/out/preload/index.cjs', false)
    expect(prefs).toMatchObject({ ...S1, preload: '/app/out/preload/index.cjs', devTools: false })
    expect(prefs.spellcheck).toBe(false)
  })

  it('locks down the print window too, with no preload and no JavaScript (P2)', () => {
    const prefs = buildPrintWebPreferences()
    expect(prefs).toMatchObject({ ...S1, javascript: false, devTools: false })
    expect(prefs.preload).toBeUndefined()
  })

  it('creates the main window hidden, sized, and shows it when ready', () => {
    const window = createMainWindow({
      preloadPath: '/app/out/preload/index.cjs',
      url: 'app://pointbook/index.html',
      devTools: false
    }) as unknown as (typeof fake.createdWindows)[number]
    expect(window.options).toMatchObject({
      width: 1280,
      height: 800,
      minWidth: 900,
      minHeight: 600,
      show: false,
      webPreferences: { ...S1, preload: '/app/out/preload/index.cjs' }
    })
    expect(window.loadURL).toHaveBeenCalledWith('app://pointbook/index.html')
    expect(window.show).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalledOnce()
  })
})

describe('web contents guards (S3)', () => {
  let contents: FakeWebContents
  beforeEach(() => {
    contents = new FakeWebContents()
    fake.module.shell.openExternal.mockClear()
    hardenWebContents(contents as unknown as WebContents, { trusted: packaged })
  })

  it.each([
    'https://evil.example/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'about:blank'
  ])('cancels navigation to %s', (url) => {
    const event = fakeEvent(url)
    contents.emit('will-navigate', event)
    expect(event.preventDefault).toHaveBeenCalled()
    const redirect = fakeEvent(url)
    contents.emit('will-redirect', redirect)
    expect(redirect.preventDefault).toHaveBeenCalled()
    expect(fake.module.shell.openExternal).not.toHaveBeenCalled()
  })

  it('lets the app navigate within itself', () => {
    const event = fakeEvent('app://pointbook/index.html')
    contents.emit('will-navigate', event)
    expect(event.preventDefault).not.toHaveBeenCalled()
  })

  it('hands a clicked allow-listed https link to the system browser, and stays put', () => {
    const event = fakeEvent('https://pubmed.ncbi.nlm.nih.gov/12345/')
    contents.emit('will-navigate', event)
    expect(event.preventDefault).toHaveBeenCalled()
    expect(fake.module.shell.openExternal).toHaveBeenCalledWith(
      'https://pubmed.ncbi.nlm.nih.gov/12345/'
    )
  })

  it('does not open links from subframes', () => {
    contents.emit('will-navigate', fakeEvent('https://doi.org/10.1/x', false))
    expect(fake.module.shell.openExternal).not.toHaveBeenCalled()
  })

  it('denies every window.open / target=_blank, opening only allow-listed https links outside', () => {
    const open = contents.windowOpenHandler
    expect(open).not.toBeNull()
    for (const url of ['https://evil.example/', 'app://pointbook/index.html', 'http://doi.org/x']) {
      expect(open?.({ url })).toEqual({ action: 'deny' })
    }
    expect(fake.module.shell.openExternal).not.toHaveBeenCalled()
    expect(open?.({ url: 'https://doi.org/10.1/x' })).toEqual({ action: 'deny' })
    expect(fake.module.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://doi.org/10.1/x')
  })

  it('refuses to attach a <webview>', () => {
    const event = fakeEvent()
    contents.emit('will-attach-webview', event, {}, {})
    expect(event.preventDefault).toHaveBeenCalled()
  })

  it('hardens every webContents created later (print windows, DevTools)', () => {
    hardenAllWebContents({ trusted: packaged })
    const later = new FakeWebContents()
    fake.module.app.emit('web-contents-created', {}, later)
    expect(later.windowOpenHandler).not.toBeNull()
    expect(later.listenerCount('will-navigate')).toBe(1)
    expect(later.listenerCount('will-attach-webview')).toBe(1)
  })
})

describe('session guards (S5, S10)', () => {
  let session: FakeSession
  beforeEach(() => {
    session = new FakeSession()
    hardenSession(session as unknown as Session, { trusted: packaged })
  })

  it.each(['notifications', 'media', 'geolocation', 'clipboard-read', 'openExternal', 'midi'])(
    'denies the %s permission, when asked and when checked',
    (permission) => {
      const callback = vi.fn()
      session.permissionRequestHandler?.({}, permission, callback, {})
      expect(callback).toHaveBeenCalledExactlyOnceWith(false)
      expect(session.permissionCheckHandler?.({}, permission, 'app://pointbook', {})).toBe(false)
    }
  )

  it('denies device access', () => {
    expect(session.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false)
  })

  it.each([
    'https://evil.example/x.js',
    'http://127.0.0.1:8080/',
    'ws://evil.example/socket',
    'wss://evil.example/socket',
    'file:///etc/passwd',
    'ftp://evil.example/',
    'chrome-extension://abc/x.js',
    'http://localhost:5173/src/main.tsx',
    'app://evil/index.html',
    'not a url'
  ])('blocks a request to %s', (url) => {
    expect(session.cancels(url)).toBe(true)
  })

  it.each([
    'app://pointbook/index.html',
    'app://pointbook/assets/index-abc.js',
    'data:image/png;base64,AAAA',
    'blob:app://pointbook/1234'
  ])('lets %s through', (url) => {
    expect(session.cancels(url)).toBe(false)
  })

  it('refuses downloads', () => {
    const event = fakeEvent()
    session.emit('will-download', event)
    expect(event.preventDefault).toHaveBeenCalled()
  })

  it('hardens every session created later, each once', () => {
    const hardenOnce = hardenAllSessions({ trusted: packaged })
    const partition = new FakeSession()
    fake.module.app.emit('session-created', partition)
    expect(partition.beforeRequest).not.toBeNull()
    expect(partition.cancels('https://evil.example/')).toBe(true)
    hardenOnce(partition as unknown as Session)
    expect(partition.listenerCount('will-download')).toBe(1)
  })

  it('in development allows exactly the dev server, over http and ws', () => {
    const devSession = new FakeSession()
    hardenSession(devSession as unknown as Session, { trusted: dev })
    expect(devSession.cancels('http://localhost:5173/src/main.tsx')).toBe(false)
    expect(devSession.cancels('ws://localhost:5173/')).toBe(false)
    expect(devSession.cancels('http://localhost:5174/')).toBe(true)
    expect(devSession.cancels('ws://localhost:9229/')).toBe(true)
    expect(devSession.cancels('https://evil.example/')).toBe(true)
  })
})
