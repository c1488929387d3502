import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Path of an installed Electron binary, or null. Read from electron's own path.txt instead of
 * `require('electron')`, which (Electron ≥ 42) tries to download the binary when it is missing.
 */
export function installedElectronBinary(root: string): string | null {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(
    root,
    'node_modules',
    'electron',
    'dist',
    readFileSync(pathFile, 'utf8').trim()
  )
  return existsSync(binary) ? binary : null
}
