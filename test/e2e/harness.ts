import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron, chromium } from 'playwright-core'
import type { Browser, BrowserContext, ElectronApplication, Page } from 'playwright-core'
import { BRIDGE_GLOBAL, CHANNELS } from '../../src/shared/api'
import { dispatch } from '../../src/main/core/api/dispatch'
import { openLibrary } from '../../src/main/core'
import type { Library } from '../../src/main/core'
import { recordFirstStartSkipped } from '../../src/main/core/settings/first-start'
import { CONTENT_SECURITY_POLICY } from '../../src/main/csp'
import { CHROMIUM_ARGS } from '../support/chromium-pdf-renderer'
import { installedElectronBinary } from './electron-binary'
import { APP_ORIGIN, serveRendererFile } from './static-origin'
import { harnessPrintPlatform } from './harness-print'
import type { HarnessPrinting, HarnessPrintOptions } from './harness-print'
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
const RENDERER_DIR = join(OUT_DIR, 'renderer')
const RESOURCES_DIR = join(ROOT, 'resources')
const INVOKE_BINDING = '__pointbookInvoke'

export interface LaunchedApp {
  page: Page
  dataDir: string
  /** Every request that tried to leave the app (S10); tests assert it stays empty. */
  externalRequests: string[]
  /** Print jobs and save-dialog requests seen by the stand-ins for the shell (chromium only). */
  printing: HarnessPrinting
  /**
   * Resolves once the app has restarted (a restore from Settings → Backups): the harness closes
   * the library, opens it again as the shell's next start would, and reloads the page.
   */
  nextRestart(): Promise<void>
  close(): Promise<void>
}

export interface LaunchOptions {
  dataDir?: string
  viewport?: { width: number; height: number }
  /** CSS zoom factor, to check readability at 200 %. */
  deviceScaleFactor?: number
  /** Start on this hash route, e.g. '#/articles/what-is-ims'. */
  route?: string
  /** The save dialog's answer ("Save as PDF"), see harness-print.ts. */
  saveDialogPath?: HarnessPrintOptions['saveDialogPath']
  /** The folder picker's answer (Settings → Backups, second folder); null = cancelled. */
  folderDialogPath?: string | null
  /** The open-file dialog's answer (Import library…); null = cancelled. */
  openDialogPath?: string | null
  /** Chromium with the system's voices (speech-env.ts), for read aloud. */
  speech?: boolean
  /** Offer the first-start setup, as a new clinic's first start does; off: the setup was skipped. */
  firstStart?: boolean
}

export const freshDataDir = (): string => mkdtempSync(join(tmpdir(), 'pointbook-e2e-'))

/**
 * Starts Pointbook on a fresh (or given) data directory. Where an Electron binary is installed it
 * launches the real app; otherwise it opens the built renderer in Debian chromium with the real
 * core bound in place of the preload bridge, through the same contract validation (dispatch).
 */
export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  const dataDir = options.dataDir ?? freshDataDir()
  if (!options.firstStart) recordFirstStartSkipped(dataDir, new Date().toISOString())
  const electronBinary = installedElectronBinary(ROOT)
  if (electronBinary !== null && process.env.POINTBOOK_E2E_BROWSER !== 'chromium') {
    return launchElectron(electronBinary, dataDir, options)
  }
  return launchChromium(dataDir, options)
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
  const page = await app.firstWindow({ timeout: STEP_TIMEOUT_MS })
  if (options.viewport) await page.setViewportSize(options.viewport)
  if (options.route) await page.evaluate((hash) => (window.location.hash = hash), options.route)
  const externalRequests: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (!['app:', 'data:', 'blob:'].includes(url.protocol)) externalRequests.push(request.url())
  })
  const printing: HarnessPrinting = { printJobs: [], saveDialogRequests: [] }
  const nextRestart = async (): Promise<void> => {
    await app.waitForEvent('window', { timeout: STEP_TIMEOUT_MS })
  }
  return { page, dataDir, externalRequests, printing, nextRestart, close: () => app.close() }
}

async function launchChromium(dataDir: string, options: LaunchOptions): Promise<LaunchedApp> {
  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    ...(options.speech
      ? { args: [...CHROMIUM_ARGS, ...SPEECH_ARGS], env: speechEnv() }
      : { args: CHROMIUM_ARGS })
  })
  let library: Library | undefined
  let page: Page | undefined
  const restarts: (() => void)[] = []
  try {
    const { platform: printPlatform, printing } = harnessPrintPlatform(browser, dataDir, options)
    const open = (): Library =>
      openLibrary({
        dataDir,
        resourcesDir: RESOURCES_DIR,
        platform: { ...printPlatform, ...shellStandIns }
      })
    // What the shell does for Settings → Backups: a folder picker, and a restart (close the
    // library, open it again as the next start would, reload the page).
    const shellStandIns = {
      chooseOpenPath: async () => options.openDialogPath ?? null,
      chooseFolder: async () =>
        options.folderDialogPath === undefined
          ? mkdtempSync(join(tmpdir(), 'pointbook-second-'))
          : options.folderDialogPath,
      restart: () => {
        setImmediate(() => {
          library?.close()
          library = open()
          void page
            ?.reload()
            .then(() => library?.verifyIntegrity())
            .then(() => restarts.splice(0).forEach((done) => done()))
        })
      }
    }
    library = open()
    const context: BrowserContext = await browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 800 },
      deviceScaleFactor: options.deviceScaleFactor ?? 1,
      serviceWorkers: 'block'
    })
    context.setDefaultTimeout(STEP_TIMEOUT_MS)
    const externalRequests: string[] = []
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url())
      if (url.origin !== APP_ORIGIN) {
        externalRequests.push(route.request().url())
        return route.abort('blockedbyclient')
      }
      const response = await serveRendererFile(RENDERER_DIR, url, CONTENT_SECURITY_POLICY)
      return route.fulfill(response)
    })
    // Same checks as the IPC handlers: the caller must be our own page, the input goes through zod.
    await context.exposeBinding(
      INVOKE_BINDING,
      async (source, channel: unknown, input: unknown) => {
        if (new URL(source.frame.url()).origin !== APP_ORIGIN) {
          return { ok: false, error: { code: 'forbidden', message: 'Not allowed.' } }
        }
        if (library === undefined) {
          return { ok: false, error: { code: 'internal', message: 'No library is open.' } }
        }
        return dispatch(library.handlers, channel, input)
      }
    )
    await context.addInitScript(installBridge, {
      channels: CHANNELS,
      globalName: BRIDGE_GLOBAL,
      binding: INVOKE_BINDING
    })
    page = await context.newPage()
    await page.goto(`${APP_ORIGIN}/${options.route ?? library.startHash()}`)
    // As the shell does once the window has loaded: a deferred integrity check runs now.
    library.verifyIntegrity()
    const openBrowser = browser
    return {
      page,
      dataDir,
      externalRequests,
      printing,
      nextRestart: () => new Promise<void>((done) => restarts.push(done)),
      close: async () => {
        await openBrowser.close()
        library?.close()
      }
    }
  } catch (error) {
    await browser.close()
    library?.close()
    throw error
  }
}

/** Runs in the page before any app script: the harness's stand-in for src/preload/index.ts. */
function installBridge(args: { channels: readonly string[]; globalName: string; binding: string }) {
  const invoke = (window as unknown as Record<string, (c: string, i: unknown) => Promise<unknown>>)[
    args.binding
  ]
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {}
  for (const channel of args.channels) {
    const [domain, verb] = channel.split(':') as [string, string]
    api[domain] ??= {}
    api[domain][verb] = (input: unknown) => invoke!(channel, input)
  }
  for (const domain of Object.values(api)) Object.freeze(domain)
  Object.defineProperty(window, args.globalName, { value: Object.freeze(api), writable: false })
}
