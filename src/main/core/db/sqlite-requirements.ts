import { ApiError } from '../../../shared/api/errors'
import type { Db } from './sqlite'

/** D1: earlier versions have a WAL corruption bug (fixed in 3.51.3). */
export const MIN_SQLITE_VERSION = '3.51.3'

export interface SqliteCapabilities {
  readonly version: string
  readonly hasFts5: boolean
}

export function readSqliteCapabilities(db: Db): SqliteCapabilities {
  const row = db
    .prepare("SELECT sqlite_version() AS version, sqlite_compileoption_used('ENABLE_FTS5') AS fts5")
    .get() as { version: string; fts5: number }
  return { version: row.version, hasFts5: row.fts5 === 1 }
}

/** Throws a clear error when the SQLite built into this copy of Pointbook cannot be trusted. */
export function assertSqliteSupported(capabilities: SqliteCapabilities): void {
  if (compareVersions(capabilities.version, MIN_SQLITE_VERSION) < 0) {
    throw new ApiError(
      'internal',
      `This copy of Pointbook was built with SQLite ${capabilities.version}, but it needs ` +
        `${MIN_SQLITE_VERSION} or later to keep your library safe. Reinstall Pointbook from the official installer.`
    )
  }
  if (!capabilities.hasFts5) {
    throw new ApiError(
      'internal',
      'This copy of Pointbook was built without full-text search (SQLite FTS5). Reinstall Pointbook from the official installer.'
    )
  }
}

/** Compares dotted version numbers: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (diff !== 0) return diff
  }
  return 0
}
