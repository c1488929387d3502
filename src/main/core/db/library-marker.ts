import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Clock } from '../clock'
import { listBackups } from './backups'

/**
 * A small file written beside the database when a library is created: the proof that this folder
 * held a library, whatever later happens to the database file. Without it a 0-byte or missing
 * `pointbook.sqlite` looked like a first run and a new, empty library was made silently.
 */
export const LIBRARY_MARKER_FILE = 'pointbook-library.json'

interface LibraryMarker {
  readonly format: 1
  readonly createdAt: string
}

export const libraryMarkerPath = (dataDir: string): string => join(dataDir, LIBRARY_MARKER_FILE)

/** Writes the marker if it is not there yet (also for libraries made before it existed). */
export function ensureLibraryMarker(dataDir: string, clock: Clock): void {
  const path = libraryMarkerPath(dataDir)
  if (existsSync(path)) return
  const marker: LibraryMarker = { format: 1, createdAt: clock().toISOString() }
  const partial = `${path}.partial`
  writeFileSync(partial, `${JSON.stringify(marker)}\n`)
  renameSync(partial, path)
}

/**
 * Why this folder is known to have held a library (for the message), or null when nothing says
 * so: the marker, or backups of a library.
 */
export function evidenceOfLibrary(dataDir: string): string | null {
  const marker = libraryMarkerPath(dataDir)
  if (existsSync(marker)) {
    const since = readMarkerDate(marker)
    return since ? `a library was created here on ${since.slice(0, 10)}` : 'its library marker'
  }
  const backups = listBackups(dataDir)
  if (backups.length > 0) {
    return `${backups.length} ${backups.length === 1 ? 'backup is' : 'backups are'} in its backups folder`
  }
  return null
}

function readMarkerDate(path: string): string | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LibraryMarker>
    return typeof parsed.createdAt === 'string' ? parsed.createdAt : null
  } catch {
    return null
  }
}
