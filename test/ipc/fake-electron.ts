import { vi } from 'vitest'

/**
 * A stand-in for the parts of electron the shell uses. No Electron binary can run here
 * (docs/toolchain.md), so every shell test mocks 'electron' with one of these:
 *
 *   const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron())
 *   vi.mock('electron', () => fake.module)
 *
 * Each fake records what was registered so a test can call the registered handlers itself.
 */

type Listener = (...args: unknown[]) => unknown

/** An EventEmitter that keeps its listeners where a test can reach them. */
export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>()

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }

  once(event: string, listener: Listener): this {
    return this.on(event, listener)
  }

  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((listener) => listener(...args))
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0
  }
}

export interface FakeEvent {
  readonly url: string
  readonly isMainFrame: boolean
  readonly preventDefault: ReturnType<typeof vi.fn>
}

export const fakeEvent = (url = '', isMainFrame = true): FakeEvent => ({
  url,
  isMainFrame,
  preventDefault: vi.fn()
})

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
}

export class FakeSession extends FakeEmitter {
  permissionRequestHandler: Listener | null = null
  permissionCheckHandler: Listener | null = null
  devicePermissionHandler: Listener | null = null
  beforeRequest: Listener | null = null

  readonly webRequest = {
    onBeforeRequest: (listener: Listener): void => {
      this.beforeRequest = listener
    }
  }

  setPermissionRequestHandler(handler: Listener): void {
    this.permissionRequestHandler = handler
  }

  setPermissionCheckHandler(handler: Listener): void {
    this.permissionCheckHandler = handler
  }

  setDevicePermissionHandler(handler: Listener): void {
    this.devicePermissionHandler = handler
  }

  /** What the request blocker answers for a URL: true when it cancels the request. */
  cancels(url: string): boolean {
    let response: { cancel?: boolean } | undefined
    this.beforeRequest?.({ url, resourceType: 'other' }, (answer: { cancel?: boolean }) => {
      response = answer
    })
    if (response === undefined) throw new Error('the request blocker did not answer')
    return response.cancel === true
  }
}

export function createFakeElectron() {
  const ipcHandlers = new Map<string, Listener>()
  const exposedInMainWorld = new Map<string, unknown>()
  const createdWindows: FakeBrowserWindow[] = []
  const defaultSession = new FakeSession()

  class FakeBrowserWindow extends FakeEmitter {
    readonly options: Record<string, unknown>
    readonly webContents = new FakeWebContents()
    readonly loadURL = vi.fn(() => Promise.resolve())
    readonly show = vi.fn()
    readonly focus = vi.fn()
    readonly restore = vi.fn()
    readonly isDestroyed = vi.fn(() => false)
    readonly isMinimized = vi.fn(() => false)

    constructor(options: Record<string, unknown>) {
      super()
      this.options = options
      createdWindows.push(this)
    }
  }

  const app = Object.assign(new FakeEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => true),
    enableSandbox: vi.fn(),
    commandLine: { appendSwitch: vi.fn() },
    whenReady: vi.fn(() => Promise.resolve()),
    quit: vi.fn(),
    exit: vi.fn(),
    relaunch: vi.fn(),
    getPath: vi.fn((name: string) => `/fake/${name}`),
    getAppPath: vi.fn(() => '/fake/app'),
    getVersion: vi.fn(() => '0.1.0'),
    getLocale: vi.fn(() => 'en-CA')
  })

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: vi.fn((channel: string, handler: Listener) => {
        ipcHandlers.set(channel, handler)
      }),
      removeHandler: vi.fn((channel: string) => {
        ipcHandlers.delete(channel)
      })
    },
    ipcRenderer: {
      invoke: vi.fn((channel: string, input: unknown) =>
        Promise.resolve({ ok: true, value: { channel, input } })
      ),
      send: vi.fn(),
      on: vi.fn()
    },
    contextBridge: {
      exposeInMainWorld: vi.fn((key: string, api: unknown) => {
        exposedInMainWorld.set(key, api)
      })
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    dialog: { showMessageBox: vi.fn(() => Promise.resolve({ response: 1 })), showErrorBox: vi.fn() }
  }

  return { module, ipcHandlers, exposedInMainWorld, createdWindows, defaultSession }
}

export type FakeElectron = ReturnType<typeof createFakeElectron>
