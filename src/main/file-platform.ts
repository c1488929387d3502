import { shell } from 'electron'
import type { Platform } from './core'

/**
 * "Open" and "Show in folder" after Save as PDF: the system's default PDF app and file manager.
 * The core calls these only with a path it saved itself (core/print/saved-files.ts); the page
 * never supplies one.
 */
export function filePlatform(): Pick<Platform, 'openPath' | 'showInFolder'> {
  return {
    openPath: (path) => shell.openPath(path),
    showInFolder: (path) => shell.showItemInFolder(path)
  }
}
