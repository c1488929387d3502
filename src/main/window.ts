import { BrowserWindow } from 'electron'
import type { WebPreferences } from 'electron'

/**
 * The settings every window runs with (S1): the page is sandboxed and isolated from the preload,
 * has no Node, keeps the same-origin policy, and cannot embed <webview>. Explicit even where they
 * are Electron's defaults, so a test can see them and a future default change cannot undo them.
 */
const LOCKED_DOWN: WebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false
}

/** webPreferences of the main window: the locked-down set plus the contract preload. */
export function buildWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return { ...LOCKED_DOWN, preload: preloadPath, devTools }
}

/**
 * webPreferences of the hidden print window (P2): the same lock-down, no preload, and no
 * JavaScript at all; it only lays out the document the core rendered.
 */
export function buildPrintWebPreferences(): WebPreferences {
  return { ...LOCKED_DOWN, javascript: false, devTools: false }
}

export interface MainWindowOptions {
  readonly preloadPath: string
  readonly url: string
  readonly devTools: boolean
}

/** Creates the main window and shows it once the first paint is ready (no white flash). */
export function createMainWindow({ preloadPath, url, devTools }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Pointbook',
    backgroundColor: '#ffffff',
    webPreferences: buildWebPreferences(preloadPath, devTools)
  })
  window.once('ready-to-show', () => window.show())
  window
    .loadURL(url)
    .catch((error: unknown) => console.error('Pointbook: the UI did not load', error))
  return window
}
