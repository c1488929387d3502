import { app, dialog, ipcMain, session } from 'electron'
import type { BrowserWindow } from 'electron'
import { resolveAppPaths } from './app-paths'
import type { AppLocation, AppPaths } from './app-paths'
import {
  describeClinicContent,
  findLatestGoodBackup,
  openLibrary,
  resolveDataDir,
  restoreLatestBackup
} from './core'
import type { Library, LibraryOptions, Platform, RestoreResult } from './core'
import { backupPlatform } from './backup-platform'
import { filePlatform } from './file-platform'
import { registerIpc } from './ipc'
import { openLibraryWithRecovery } from './library-startup'
import type { StartupPrompt } from './library-startup'
import { startAllowed } from './debug-switches'
import { findElectronNativeBinding } from './native-binding'
import { APP_ENTRY_URL, trustedOrigins } from './origins'
import type { TrustedOrigins } from './origins'
import { electronPlatform } from './print-window'
import { registerAppScheme, serveAppProtocol } from './protocol'
import { hardenAllSessions, hardenAllWebContents } from './security'
import { createMainWindow } from './window'

/**
 * Given when the app restarts itself after a check after the first screen found the library
 * damaged: the next start checks the whole file before opening it, which offers the backup.
 */
export const CHECK_LIBRARY_FLAG = '--check-library'

/**
 * The app's whole lifecycle. Nothing in src/main runs at import time; the entry (index.ts) calls
 * this once, so tests can import any module with a mocked electron.
 */
export function bootstrap(): void {
  const allowed = startAllowed({
    isPackaged: app.isPackaged,
    argv: process.argv,
    refuse: (message) => dialog.showErrorBox('Pointbook', message)
  })
  if (!allowed) {
    app.exit(1)
    return
  }
  // A second copy would open the same SQLite file: hand over to the first one instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  // Every renderer sandboxed, whatever a window's own options say (S1).
  app.enableSandbox()
  // Read aloud: on Linux, Chromium reaches the system's offline voices (speech-dispatcher) only
  // with this switch; Windows and macOS voices need none.
  if (process.platform === 'linux') app.commandLine.appendSwitch('enable-speech-dispatcher')
  registerAppScheme()

  const trusted = trustedOrigins(process.env, app.isPackaged)
  hardenAllWebContents({ trusted })
  const hardenSession = hardenAllSessions({ trusted })

  let library: Library | null = null
  let mainWindow: BrowserWindow | null = null

  app.on('second-instance', () => {
    if (mainWindow === null || mainWindow.isDestroyed()) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  // The library is the app: when its only window closes, the app quits on every platform.
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => {
    library?.close()
    library = null
  })

  app
    .whenReady()
    .then(async () => {
      const paths = resolveAppPaths(currentLocation())
      hardenSession(session.defaultSession)
      serveAppProtocol(paths.rendererDir)
      const integrityCheck = process.argv.includes(CHECK_LIBRARY_FLAG) ? 'at-start' : undefined
      const getWindow = (): BrowserWindow | null => mainWindow
      library = await openLibraryInteractively(
        paths,
        { ...electronPlatform(getWindow), ...backupPlatform(getWindow), ...filePlatform() },
        integrityCheck
      )
      if (library === null) {
        app.quit()
        return
      }
      registerIpc(ipcMain, library.handlers, trusted)
      mainWindow = createMainWindow({
        preloadPath: paths.preloadPath,
        url: entryUrl(trusted) + library.startHash(),
        devTools: !app.isPackaged
      })
      // A large library's full check waits until the clinic sees its first screen (writes wait
      // for it; docs/data-safety.md).
      mainWindow.webContents.once('did-finish-load', () => {
        void checkLibraryAfterFirstScreen()
      })
    })
    .catch((error: unknown) => {
      console.error('Pointbook: start-up failed', error)
      dialog.showErrorBox('Pointbook could not start', messageOf(error))
      app.exit(1)
    })

  /** Damage found after the first screen: say so, then restart into the start-up recovery. */
  async function checkLibraryAfterFirstScreen(): Promise<void> {
    if (library === null || library.verifyIntegrity() !== 'damaged') return
    await dialog.showMessageBox({
      type: 'error',
      title: 'Pointbook',
      message: 'The Pointbook library is damaged.',
      detail:
        'Nothing has been written to it since Pointbook started. Pointbook will restart and ' +
        'offer the latest good backup; the damaged file is kept aside, not deleted.',
      buttons: ['Restart'],
      noLink: true
    })
    library.close()
    library = null
    const args = process.argv.slice(1).filter((arg) => arg !== CHECK_LIBRARY_FLAG)
    app.relaunch({ args: [...args, CHECK_LIBRARY_FLAG] })
    app.exit(0)
  }
}

/** Opens the library, explaining in a dialog when it cannot (null: the app should quit). */
async function openLibraryInteractively(
  paths: AppPaths,
  platform: Platform,
  integrityCheck: 'at-start' | undefined
): Promise<Library | null> {
  const dataDir = resolveDataDir({
    argv: process.argv,
    env: process.env,
    defaultDir: app.getPath('userData')
  })
  const nativeBinding = findElectronNativeBinding({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    electronVersion: process.versions.electron ?? ''
  })
  const binding = nativeBinding === undefined ? {} : { nativeBinding }
  const options: LibraryOptions = {
    dataDir,
    resourcesDir: paths.resourcesDir,
    platform,
    ...(integrityCheck === undefined ? {} : { integrityCheck }),
    appVersion: app.getVersion(),
    ...binding
  }
  return openLibraryWithRecovery<Library>({
    dataDir,
    open: () => openLibrary(options),
    openNew: () => openLibrary({ ...options, startNewLibrary: true }),
    hasGoodBackup: () => findLatestGoodBackup(dataDir, binding) !== null,
    restoreLatestBackup: () => describeRestore(restoreLatestBackup(dataDir, binding)),
    ask: askWithDialog
  })
}

function currentLocation(): AppLocation {
  return {
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    // The bundle is CommonJS (no "type": "module"), so __dirname is out/main.
    mainDir: __dirname
  }
}

/** The dev server in `electron-vite dev`, the app's own files otherwise. */
const entryUrl = (trusted: TrustedOrigins): string =>
  trusted.dev === null ? APP_ENTRY_URL : (process.env['ELECTRON_RENDERER_URL'] ?? APP_ENTRY_URL)

async function askWithDialog(prompt: StartupPrompt): Promise<number> {
  const { response } = await dialog.showMessageBox({
    type: prompt.type,
    title: 'Pointbook',
    message: prompt.message,
    detail: prompt.detail,
    buttons: [...prompt.buttons],
    defaultId: prompt.defaultId,
    cancelId: prompt.cancelId,
    noLink: true
  })
  return response
}

function describeRestore(result: RestoreResult): string {
  const holds = result.content ? ` It holds ${describeClinicContent(result.content)}.` : ''
  const kept =
    result.damagedFileKeptAt === null
      ? ''
      : ` The damaged file was kept at ${result.damagedFileKeptAt}.`
  return (
    `Pointbook restored the backup made ${result.restoredFrom.createdAt}.${holds} ` +
    `Changes made after that time are not in it.${kept}`
  )
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error)
