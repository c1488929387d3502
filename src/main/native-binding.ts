import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Where scripts/prepare-electron.mjs puts better-sqlite3 built for Electron. node_modules keeps the
 * build for plain Node (tests), so `npm test` and `npm start` never rebuild over each other
 * (docs/toolchain.md, "One better-sqlite3, two runtimes"). The script computes the same path; a unit
 * test holds the two together.
 */
export function electronNativeBindingPath(
  projectRoot: string,
  electronVersion: string,
  betterSqliteVersion: string
): string {
  return join(
    projectRoot,
    '.electron-native',
    'better-sqlite3',
    `${electronVersion}-${betterSqliteVersion}`,
    'better_sqlite3.node'
  )
}

/** Where electron-builder.config.mjs puts the Electron build in a packaged app (extraResources). */
export const packagedNativeBindingPath = (resourcesPath: string): string =>
  join(resourcesPath, 'native', 'better_sqlite3.node')

export interface NativeBindingLookup {
  readonly isPackaged: boolean
  readonly appPath: string
  /** `process.resourcesPath`: the packaged app's resources folder. */
  readonly resourcesPath: string
  /** `process.versions.electron`. */
  readonly electronVersion: string
  readonly fileExists?: (path: string) => boolean
  readonly readTextFile?: (path: string) => string
}

/**
 * The `nativeBinding` to open the database with, or undefined to use better-sqlite3's own binary.
 * Packaged: the Electron build that packing copied beside app.asar (native code cannot be loaded
 * from inside an asar; the package has no other build of it). Development: the separate Electron
 * build, when it is there.
 */
export function findElectronNativeBinding(lookup: NativeBindingLookup): string | undefined {
  if (lookup.isPackaged) return packagedNativeBindingPath(lookup.resourcesPath)
  // Not running in Electron at all (a smoke run of the bundle under plain Node).
  if (lookup.electronVersion === '') return undefined
  const fileExists = lookup.fileExists ?? existsSync
  const readTextFile = lookup.readTextFile ?? ((path: string) => readFileSync(path, 'utf8'))
  let version: unknown
  try {
    const manifest = join(lookup.appPath, 'node_modules', 'better-sqlite3', 'package.json')
    version = (JSON.parse(readTextFile(manifest)) as { version?: unknown }).version
  } catch {
    return undefined
  }
  if (typeof version !== 'string') return undefined
  const binding = electronNativeBindingPath(lookup.appPath, lookup.electronVersion, version)
  if (fileExists(binding)) return binding
  console.warn(
    `Pointbook: ${binding} is missing; run \`node scripts/prepare-electron.mjs\` (npm start does).`
  )
  return undefined
}
