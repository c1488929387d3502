import { join } from 'node:path'

/** Where the running app is; the values come from Electron's `app` and `process`. */
export interface AppLocation {
  readonly isPackaged: boolean
  /** `app.getAppPath()`: the project root in development, app.asar when packaged. */
  readonly appPath: string
  /** `process.resourcesPath`: the packaged app's resources folder. */
  readonly resourcesPath: string
  /** The folder of the bundled main process (out/main). */
  readonly mainDir: string
}

export interface AppPaths {
  /** Built-in content, fonts and artwork. */
  readonly resourcesDir: string
  /** The built renderer that app:// serves. */
  readonly rendererDir: string
  /** The sandboxed preload: one CommonJS file (electron.vite.config.ts names it index.cjs). */
  readonly preloadPath: string
}

export const PRELOAD_FILE_NAME = 'index.cjs'

export function resolveAppPaths(location: AppLocation): AppPaths {
  return {
    // Packaged, the content ships next to app.asar (extraResources), so it can be read as plain
    // files; in development it is the repository's own resources folder.
    resourcesDir: location.isPackaged
      ? join(location.resourcesPath, 'resources')
      : join(location.appPath, 'resources'),
    rendererDir: join(location.mainDir, '..', 'renderer'),
    preloadPath: join(location.mainDir, '..', 'preload', PRELOAD_FILE_NAME)
  }
}
