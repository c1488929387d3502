import { accessSync, constants } from 'node:fs'

export interface Writability {
  readonly writable: boolean
  /** A sentence for the read-only banner, or null when writable. */
  readonly reason: string | null
}

/**
 * SQLite in WAL mode needs to write the database file AND create -wal/-shm files beside it, so
 * both the folder and the file must be writable (D4).
 */
export function checkWritability(dataDir: string, databaseFile: string | null): Writability {
  if (!canWrite(dataDir)) {
    return {
      writable: false,
      reason: `The folder ${dataDir} cannot be written to (it may be on a locked drive or shared read-only).`
    }
  }
  if (databaseFile !== null && !canWrite(databaseFile)) {
    return { writable: false, reason: `The library file ${databaseFile} is marked read-only.` }
  }
  return { writable: true, reason: null }
}

function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK)
    return true
  } catch {
    return false
  }
}
