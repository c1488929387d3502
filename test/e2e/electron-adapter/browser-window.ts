import { EventEmitter } from 'node:events'
import type { BrowserContext, Page } from 'playwright-core'
import { PAPER_SIZES, paperLabel } from '../../../src/shared/handouts/paper'
import type { AdapterApp } from './app'
import type { AdapterSession } from './session'
import { toPageUrl, toShellUrl } from './page-origin'
import { installPreload } from './preload-world'
import type { InvokeMain } from './preload-world'
import type { AdapterRecords } from './records'

interface WebPreferences {
  readonly preload?: string
  readonly javascript?: boolean
  readonly session?: AdapterSession
  readonly partition?: string
}

export interface WindowOptions {
  readonly width?: number
  readonly height?: number
  readonly show?: boolean
  readonly webPreferences?: WebPreferences
}

/** What a window needs from its run of the main process (electron-process.ts). */
export interface WindowHost {
  readonly app: AdapterApp
  readonly records: AdapterRecords
  readonly invokeMain: InvokeMain
  sessionFor(preferences: WebPreferences): AdapterSession
  /** Where a loadURL goes (the harness may open the main window on a test's route). */
  loadTarget(url: string, hasPreload: boolean): string
  contextFor(
    session: AdapterSession,
    size: { width: number; height: number }
  ): Promise<BrowserContext>
  opened(window: AdapterWindow): void
  closed(window: AdapterWindow): void
}

/** A window as the rest of the adapter sees it. */
export interface AdapterWindow extends EventEmitter {
  readonly webContents: AdapterWebContents
  readonly page: Promise<Page>
  /** The preload file (webPreferences.preload), or null. */
  readonly preload: string | null
  isDestroyed(): boolean
  destroy(): void
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' }

let nextId = 1

/**
 * `webContents` over a Playwright page: the events the shell listens to (navigation guards,
 * did-finish-load), loadURL, the window-open handler, and printing. print() records the job
 * instead of showing the system's print dialog; printToPDF is Chromium's own page.pdf().
 */
export class AdapterWebContents extends EventEmitter {
  readonly id = nextId++
  windowOpenHandler: WindowOpenHandler | null = null
  /** The last main-frame document the session's protocol handler served (routing.ts). */
  document = ''
  private destroyed = false

  constructor(
    readonly session: AdapterSession,
    private readonly page: Promise<Page>,
    private readonly records: AdapterRecords,
    private readonly loadTarget: (url: string) => string
  ) {
    super()
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler
  }

  /** As Electron: resolves once the page has loaded (did-finish-load), rejects if it failed. */
  async loadURL(url: string): Promise<void> {
    const page = await this.page
    await page.goto(toPageUrl(this.loadTarget(url)), { waitUntil: 'load' })
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  markDestroyed(): void {
    this.destroyed = true
  }

  /**
   * The shell's print-window job: records it (the document, paper, copies, printer) and answers
   * as the system dialog's Print button would. Electron calls back after the dialog closes.
   */
  print(
    options: { copies?: number; pageSize?: string; deviceName?: string },
    callback: (success: boolean, failureReason: string) => void
  ): void {
    const paper = PAPER_SIZES.find((size) => paperLabel(size) === options.pageSize)
    if (paper === undefined) throw new Error(`The e2e adapter cannot print on ${options.pageSize}`)
    this.records.printing.printJobs.push({
      html: this.document,
      paper,
      copies: options.copies ?? 1,
      deviceName: options.deviceName ?? null
    })
    setImmediate(() => callback(true, ''))
  }

  async printToPDF(options: {
    preferCSSPageSize?: boolean
    printBackground?: boolean
    pageSize?: string
  }): Promise<Buffer> {
    const page = await this.page
    return page.pdf({
      preferCSSPageSize: options.preferCSSPageSize ?? false,
      printBackground: options.printBackground ?? false,
      ...(typeof options.pageSize === 'string' ? { format: options.pageSize } : {})
    })
  }

  /** No printers here: the list the shell shows in Settings is empty, as on a computer with none. */
  async getPrintersAsync(): Promise<never[]> {
    return []
  }
}

/**
 * Electron's BrowserWindow for one run of the main process: each window is a Playwright page in
 * its session's browser context. A window with a preload gets it in an isolated world
 * (preload-world.ts); `javascript: false` turns script off for the page, as in the print window.
 */
export function browserWindowClass(
  host: WindowHost
): new (options?: WindowOptions) => AdapterWindow {
  return class AdapterBrowserWindow extends EventEmitter implements AdapterWindow {
    readonly id = nextId++
    readonly webContents: AdapterWebContents
    readonly page: Promise<Page>
    readonly preload: string | null
    private destroyed = false
    private visible: boolean

    constructor(options: WindowOptions = {}) {
      super()
      const preferences = options.webPreferences ?? {}
      const session = host.sessionFor(preferences)
      this.preload = preferences.preload ?? null
      this.visible = options.show !== false
      this.page = this.open(session, options, preferences)
      // Nobody waits for a window that could not open; its loadURL rejects with the reason.
      this.page.catch(() => undefined)
      this.webContents = new AdapterWebContents(session, this.page, host.records, (url) =>
        host.loadTarget(url, this.preload !== null)
      )
      host.opened(this)
      host.app.emit('web-contents-created', {}, this.webContents)
      host.app.emit('browser-window-created', {}, this)
    }

    private async open(
      session: AdapterSession,
      options: WindowOptions,
      preferences: WebPreferences
    ): Promise<Page> {
      const size = { width: options.width ?? 800, height: options.height ?? 600 }
      const context = await host.contextFor(session, size)
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      // window.open, target=_blank: the shell's window-open handler decides, as in Electron.
      // The adapter makes no window for an 'allow' (the shell never allows one): it is recorded.
      cdp.on('Page.windowOpen', ({ url }) => {
        const shellUrl = toShellUrl(url)
        const decision = this.webContents.windowOpenHandler?.({ url: shellUrl })
        if (decision?.action !== 'allow') host.records.cancelledNavigations.push(shellUrl)
        else console.error(`Pointbook (e2e): the shell allowed a new window for ${shellUrl}`)
      })
      await cdp.send('Page.enable')
      if (this.preload !== null) await installPreload(cdp, this.preload, host.invokeMain)
      if (preferences.javascript === false) {
        await cdp.send('Emulation.setScriptExecutionDisabled', { value: true })
      }
      let loaded = false
      page.on('load', () => {
        this.webContents.emit('did-finish-load', {})
        if (!loaded) this.emit('ready-to-show', {})
        loaded = true
      })
      page.on('close', () => this.markClosed())
      return page
    }

    loadURL(url: string): Promise<void> {
      return this.webContents.loadURL(url)
    }

    show(): void {
      this.visible = true
    }

    isVisible(): boolean {
      return this.visible
    }

    isMinimized(): boolean {
      return false
    }

    restore(): void {}

    focus(): void {}

    isDestroyed(): boolean {
      return this.destroyed
    }

    /** Closes the page; 'closed' follows once it is gone. */
    destroy(): void {
      if (this.destroyed) return
      this.markClosed()
      void this.page.then((page) => page.close()).catch(() => undefined)
    }

    close(): void {
      this.destroy()
    }

    private markClosed(): void {
      if (this.destroyed) return
      this.destroyed = true
      this.webContents.markDestroyed()
      this.emit('closed')
      host.closed(this)
    }
  }
}
