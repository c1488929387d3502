import type { Browser, BrowserContext, Page } from 'playwright-core'
import { DATA_DIR_ENV } from '../../../src/main/core/data-dir'
import { AdapterApp } from './app'
import { browserWindowClass } from './browser-window'
import type { AdapterWindow, WindowHost, WindowOptions } from './browser-window'
import { adapterDialog, adapterShell } from './dialogs'
import { AdapterIpcMain } from './ipc-main'
import { runMainProcess } from './load-main'
import type { AdapterRecords, DialogAnswers } from './records'
import { routeSession } from './routing'
import { AdapterSession } from './session'

/** What stays the same across runs of the app: the machine, the browser, the test's records. */
export interface Machine {
  readonly browser: Browser
  readonly root: string
  readonly outDir: string
  readonly dataDir: string
  readonly locale: string
  readonly records: AdapterRecords
  readonly answers: DialogAnswers
  /** The main window's page size and zoom (the window is 1280×800 in the shell). */
  readonly viewport?: { width: number; height: number } | undefined
  readonly deviceScaleFactor?: number | undefined
  readonly stepTimeoutMs: number
  /** A run ended (app.quit / app.exit); `relaunch` when the shell asked for a new one. */
  readonly ended: (run: ElectronProcess, relaunch: boolean) => void
}

/**
 * One run of the built main process against the adapter: the `electron` module it is given
 * (app, BrowserWindow, ipcMain, dialog, shell, session, protocol), and the Playwright browser
 * contexts its sessions live in. `mainWindow` resolves once the first window with a preload has
 * loaded, as the clinic would first see it.
 */
export class ElectronProcess {
  readonly app: AdapterApp
  readonly ipcMain = new AdapterIpcMain()
  readonly mainWindow: Promise<{ window: AdapterWindow; page: Page }>
  readonly privilegedSchemes: unknown[] = []
  private BrowserWindow: (new (options: WindowOptions) => AdapterWindow) | null = null
  private readonly sessions = new Map<string, AdapterSession>()
  private readonly contexts = new Map<AdapterSession, Promise<BrowserContext>>()
  private readonly windows = new Set<AdapterWindow>()
  private readonly pages = new Map<Page, AdapterWindow>()
  private failStart: (error: Error) => void = () => undefined
  private routed = false

  /**
   * `route`: a hash route ('#/articles/x') the main window's first load opens at instead of the
   * start hash the shell asked for (setting it after the load would race the app's own start-up
   * routing).
   */
  constructor(
    private readonly machine: Machine,
    private readonly route?: string
  ) {
    this.app = new AdapterApp({
      root: machine.root,
      dataDir: machine.dataDir,
      locale: machine.locale,
      ended: ({ relaunch }) => machine.ended(this, relaunch)
    })
    this.mainWindow = new Promise((resolve, reject) => {
      this.failStart = reject
      this.app.on('browser-window-created', (_event, window: AdapterWindow) => {
        if (window.preload === null) return
        window.webContents.once('did-finish-load', () => {
          void window.page.then((page) => resolve({ window, page }))
        })
      })
      this.app.once('quit', () =>
        reject(
          new Error(
            `Pointbook quit before its window opened: ${machine.records.messageBoxes.join(' | ')}`
          )
        )
      )
    })
    this.mainWindow.catch(() => undefined)
  }

  /**
   * Runs `<outDir>/main/index.js`; the data folder is given as the shell reads it, from the
   * environment. The shell reads it in the continuation of app.whenReady(), a microtask after
   * this returns, so launches that await each other (as every test's do) never see another's.
   */
  start(): void {
    process.env[DATA_DIR_ENV] = this.machine.dataDir
    try {
      runMainProcess(this.machine.root, this.machine.outDir, this.electronModule())
    } catch (error) {
      this.failStart(error instanceof Error ? error : new Error(String(error)))
    }
  }

  /**
   * Another window of the main window's kind (its preload, the default session and its guards),
   * left blank for the caller to load: for bench/first-screen.ts, which loads the app in fresh
   * pages. The shell itself never opens a second window.
   */
  async openWindowLikeMain(): Promise<Page> {
    const { window } = await this.mainWindow
    if (this.BrowserWindow === null) throw new Error('The main process has not started')
    const preferences = window.preload === null ? {} : { preload: window.preload }
    return new this.BrowserWindow({ width: 1280, height: 800, webPreferences: preferences }).page
  }

  /** Closes every window and browser context of this run. */
  async close(): Promise<void> {
    const contexts = await Promise.all([...this.contexts.values()].map((c) => c.catch(() => null)))
    await Promise.all(contexts.map((context) => context?.close().catch(() => undefined)))
  }

  private electronModule(): Record<string, unknown> {
    const defaultSession = this.session('')
    const windowHost: WindowHost = {
      app: this.app,
      records: this.machine.records,
      invokeMain: (sender, channel, args) => this.ipcMain.invoke(sender, channel, args),
      sessionFor: (preferences) => preferences.session ?? this.session(preferences.partition ?? ''),
      contextFor: (session, size) => this.contextFor(session, size),
      loadTarget: (url, hasPreload) => {
        const route = this.route
        if (!hasPreload || route === undefined || this.routed) return url
        this.routed = true
        return url.replace(/#.*$/s, '') + route
      },
      opened: (window) => {
        this.windows.add(window)
        void window.page.then((page) => this.pages.set(page, window)).catch(() => undefined)
      },
      closed: (window) => {
        this.windows.delete(window)
        if (this.windows.size === 0) this.app.emit('window-all-closed')
      }
    }
    return {
      app: this.app,
      BrowserWindow: (this.BrowserWindow = browserWindowClass(windowHost)),
      ipcMain: this.ipcMain,
      dialog: adapterDialog(this.machine.records, this.machine.answers),
      shell: adapterShell(this.machine.records),
      session: { defaultSession, fromPartition: (partition: string) => this.session(partition) },
      protocol: {
        registerSchemesAsPrivileged: (schemes: unknown[]) =>
          this.privilegedSchemes.push(...schemes),
        ...defaultSession.protocol
      }
    }
  }

  /** The session for a partition ('' = the default one); a new one announces itself. */
  private session(partition: string): AdapterSession {
    const existing = this.sessions.get(partition)
    if (existing !== undefined) return existing
    const created = new AdapterSession(partition)
    this.sessions.set(partition, created)
    if (partition !== '') this.app.emit('session-created', created)
    return created
  }

  private contextFor(
    session: AdapterSession,
    size: { width: number; height: number }
  ): Promise<BrowserContext> {
    const existing = this.contexts.get(session)
    if (existing !== undefined) return existing
    const isMain = session.partition === ''
    const opening = this.machine.browser
      .newContext({
        viewport: isMain ? (this.machine.viewport ?? size) : size,
        deviceScaleFactor: isMain ? (this.machine.deviceScaleFactor ?? 1) : 1,
        serviceWorkers: 'block'
      })
      .then(async (context) => {
        context.setDefaultTimeout(this.machine.stepTimeoutMs)
        await routeSession(context, session, {
          records: this.machine.records,
          windowOf: (page) => this.pages.get(page)
        })
        return context
      })
    this.contexts.set(session, opening)
    return opening
  }
}
