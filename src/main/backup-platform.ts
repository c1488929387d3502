import { app, dialog } from 'electron'
import type { BrowserWindow } from 'electron'
import type { Platform } from './core'

/**
 * What Settings → Backups needs from Electron: a folder picker for the second backup folder, an
 * open-file dialog for Import library…, and a restart (a restore is carried out at the next
 * start, when no library is open).
 */
export function backupPlatform(
  getWindow: () => BrowserWindow | null
): Pick<Platform, 'chooseFolder' | 'chooseOpenPath' | 'restart'> {
  return {
    chooseOpenPath: async (title) => {
      const window = getWindow()
      const options = {
        title,
        properties: ['openFile' as const],
        filters: [{ name: 'Pointbook library', extensions: ['json'] }]
      }
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    chooseFolder: async (title) => {
      const window = getWindow()
      const options = { title, properties: ['openDirectory', 'createDirectory'] as const }
      const result = window
        ? await dialog.showOpenDialog(window, { ...options, properties: [...options.properties] })
        : await dialog.showOpenDialog({ ...options, properties: [...options.properties] })
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    // After the reply reaches the page; quitting closes the library (will-quit) before the swap.
    restart: () => {
      setImmediate(() => {
        app.relaunch()
        app.quit()
      })
    }
  }
}
