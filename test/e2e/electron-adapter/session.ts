import { EventEmitter } from 'node:events'

type ProtocolHandler = (request: Request) => Response | Promise<Response>
type BeforeRequest = (
  details: { url: string; method: string; resourceType: string },
  callback: (response: { cancel?: boolean }) => void
) => void

/**
 * One Electron session: the protocol handlers registered on it, its request guard
 * (webRequest.onBeforeRequest), its permission handlers and its 'will-download' event. A
 * Playwright browser context is opened per session (electron-process.ts), and its routing asks
 * this object what happens to each request (routing.ts).
 */
export class AdapterSession extends EventEmitter {
  private readonly handlers = new Map<string, ProtocolHandler>()
  private beforeRequest: BeforeRequest | null = null
  /** Kept so a test can see the shell set them; Chromium here grants no permission anyway. */
  permissionRequestHandler: unknown = null
  permissionCheckHandler: unknown = null
  devicePermissionHandler: unknown = null

  constructor(readonly partition: string) {
    super()
  }

  readonly protocol = {
    handle: (scheme: string, handler: ProtocolHandler): void => {
      if (this.handlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`)
      this.handlers.set(scheme, handler)
    },
    unhandle: (scheme: string): void => void this.handlers.delete(scheme),
    isProtocolHandled: (scheme: string): boolean => this.handlers.has(scheme)
  }

  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequest | null): void => {
      this.beforeRequest = listener
    }
  }

  setPermissionRequestHandler(handler: unknown): void {
    this.permissionRequestHandler = handler
  }

  setPermissionCheckHandler(handler: unknown): void {
    this.permissionCheckHandler = handler
  }

  setDevicePermissionHandler(handler: unknown): void {
    this.devicePermissionHandler = handler
  }

  /** The handler for a scheme ('app'), or undefined. */
  handlerFor(scheme: string): ProtocolHandler | undefined {
    return this.handlers.get(scheme)
  }

  /** Whether the session's onBeforeRequest lets a request through (no listener: it does). */
  allows(url: string, method: string, resourceType: string): Promise<boolean> {
    const listener = this.beforeRequest
    if (listener === null) return Promise.resolve(true)
    return new Promise((resolve) =>
      listener({ url, method, resourceType }, (response) => resolve(response.cancel !== true))
    )
  }

  /** 'will-download': true when a listener cancelled it (event.preventDefault()). */
  willDownload(url: string): boolean {
    let prevented = false
    this.emit('will-download', { preventDefault: () => (prevented = true) }, { getURL: () => url })
    return prevented
  }
}
