import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron, chromium } from 'playwright-core'
import type { Browser, ElectronApplication, Page } from 'playwright-core'
import { recordFirstStartSkipped } from '../../src/main/core/settings/first-start'
import { CHROMIUM_ARGS } from '../support/chromium-pdf-renderer'
import { installedElectronBinary } from './electron-binary'
import { installStandIns } from './electron-stand-ins'
import { ElectronProcess } from './electron-adapter/electron-process'
import type { Machine } from './electron-adapter/electron-process'
import { emptyRecords } from './electron-adapter/records'
import type { AdapterRecords, DialogAnswers, Printing } from './electron-adapter/records'
import { STEP_TIMEOUT_MS } from './timeouts'
import { SPEECH_ARGS, speechEnv } from './speech-env'

export const ROOT = resolve(__dirname, '../..')
/**
 * The build to test: `out/` unless POINTBOOK_OUT_DIR names another (`electron-vite build
 * --outDir <dir>`), so that two people working in one checkout can build and test side by side.
 */
export const OUT_DIR = process.env.POINTBOOK_OUT_DIR
  ? resolve(process.env.POINTBOOK_OUT_DIR)
  : join(ROOT, 'out')

export interface LaunchedApp {
  /** The main window's page (a new one after a restart). */
  readonly page: Page
  dataDir: string
  /** Every request that tried to leave the app (S10); tests assert it stays empty. */
  externalRequests: string[]
  /** Print jobs, save dialogs and opened files the shell asked for (recorded in chromium only). */
  printing: Printing
  /** Everything the adapter saw the shell do (chromium only; empty with a real Electron). */
  records: AdapterRecords
  /**
   * Resolves with the new main window's page once the app has restarted (a restore from
   * Settings → Backups: the shell relaunches; the built main process runs again).
   */
  nextRestart(): Promise<Page>
  /**
   * A second window like the main one (the built preload, the shell's guards), not yet loaded;
   * for benchmarks that load the app in fresh pages. Only over the adapter.
   */
  openWindow(): Promise<Page>
  close(): Promise<void>
}

export interface LaunchOptions extends DialogAnswers {
  dataDir?: string
  viewport?: { width: number; height: number }
  /** CSS zoom factor, to check readability at 200 %. */
  deviceScaleFactor?: number
  /** Start on this hash route, e.g. '#/articles/what-is-ims'. */
  route?: string
  /** Chromium with the system's voices (speech-env.ts), for read aloud. */
  speech?: boolean
  /** Offer the first-start setup, as a new clinic's first start does; off: the setup was skipped. */
  firstStart?: boolean
}

export const freshDataDir = (): string => mkdtempSync(join(tmpdir(), 'pointbook-e2e-'))

/**
 * Starts the built Pointbook on a fresh (or given) data directory. Where an Electron binary is
 * installed it launches the real app; otherwise it runs the built main process and preload over
 * the Electron adapter in Debian chromium (launchShipped).
 */
export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  const dataDir = options.dataDir ?? freshDataDir()
  if (!options.firstStart) recordFirstStartSkipped(dataDir, new Date().toISOString())
  const electronBinary = installedElectronBinary(ROOT)
  if (electronBinary !== null && process.env.POINTBOOK_E2E_BROWSER !== 'chromium') {
    return launchElectron(electronBinary, dataDir, options)
  }
  return launchShipped(dataDir, options)
}

async function launchElectron(
  executablePath: string,
  dataDir: string,
  options: LaunchOptions
): Promise<LaunchedApp> {
  const app: ElectronApplication = await _electron.launch({
    executablePath,
    args: [join(OUT_DIR, 'main', 'index.js'), `--data-dir=${dataDir}`],
    env: { ...process.env, POINTBOOK_DATA_DIR: dataDir },
    timeout: STEP_TIMEOUT_MS
  })
  app.context().setDefaultTimeout(STEP_TIMEOUT_MS)
  const records = emptyRecords()
  await installStandIns(app, records, options)
  const page = await app.firstWindow({ timeout: STEP_TIMEOUT_MS })
  if (options.viewport) await page.setViewportSize(options.viewport)
  if (options.route) await page.evaluate((hash) => (window.location.hash = hash), options.route)
  const externalRequests: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (!['app:', 'data:', 'blob:'].includes(url.protocol)) externalRequests.push(request.url())
  })
  const nextRestart = (): Promise<Page> => app.waitForEvent('window', { timeout: STEP_TIMEOUT_MS })
  return {
    page,
    dataDir,
    externalRequests,
    printing: records.printing,
    records,
    nextRestart,
    openWindow: () => Promise.reject(new Error('openWindow() needs the Electron adapter')),
    close: () => app.close()
  }
}

/**
 * The built app in Debian chromium: the built main process (`<out>/main/index.js`, its
 * bootstrap()) runs in this test process with `electron` resolved to the adapter
 * (electron-adapter/), and its windows are Chromium pages in which the built preload runs in an
 * isolated world. A relaunch (Settings → Backups → restore) runs the main process again, fresh.
 */
async function launchShipped(dataDir: string, options: LaunchOptions): Promise<LaunchedApp> {
  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    ...(options.speech
      ? { args: [...CHROMIUM_ARGS, ...SPEECH_ARGS], env: speechEnv() }
      : { args: CHROMIUM_ARGS })
  })
  const records = emptyRecords()
  const restarts: Array<{ resolve(page: Page): void; reject(error: unknown): void }> = []
  let current: { run: ElectronProcess; page: Page | null } | null = null
  const startRun = async (route?: string): Promise<Page> => {
    const run = new ElectronProcess(machine, route)
    current = { run, page: null }
    run.start()
    const { page } = await run.mainWindow
    current.page = page
    return page
  }
  const machine: Machine = {
    browser,
    root: ROOT,
    outDir: OUT_DIR,
    dataDir,
    // The machine's locale, which Electron's app.getLocale() reports (paper and language defaults).
    locale: Intl.DateTimeFormat().resolvedOptions().locale,
    records,
    answers: options,
    viewport: options.viewport,
    deviceScaleFactor: options.deviceScaleFactor,
    stepTimeoutMs: STEP_TIMEOUT_MS,
    ended: (run, relaunch) => {
      void run.close()
      if (!relaunch) return
      startRun().then(
        (page) => restarts.splice(0).forEach((waiting) => waiting.resolve(page)),
        (error: unknown) => restarts.splice(0).forEach((waiting) => waiting.reject(error))
      )
    }
  }
  try {
    await startRun(options.route)
  } catch (error) {
    await browser.close()
    throw error
  }
  const running = (): { run: ElectronProcess; page: Page | null } => {
    if (current === null) throw new Error('The app is not running')
    return current
  }
  return {
    get page(): Page {
      const { page } = running()
      if (page === null) throw new Error('The app is restarting: await nextRestart() first')
      return page
    },
    dataDir,
    externalRequests: records.externalRequests,
    printing: records.printing,
    records,
    nextRestart: () => new Promise<Page>((resolve, reject) => restarts.push({ resolve, reject })),
    openWindow: () => running().run.openWindowLikeMain(),
    close: async () => {
      const { run } = running()
      run.app.quit()
      await run.close()
      await browser.close()
    }
  }
}
