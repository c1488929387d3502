import type { Db } from './sqlite'

export const BUSY_TIMEOUT_MS = 5000

/**
 * WAL for concurrent reads during writes; synchronous=FULL so an acknowledged save survives a
 * power cut (D2); foreign keys on (SQLite leaves them off by default); a busy timeout so a
 * second connection (a backup, a bench) waits instead of failing.
 */
export function applyWritablePragmas(db: Db): void {
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  applyCommonPragmas(db)
}

/** Pragmas that also apply to a read-only connection (its journal mode cannot change). */
export function applyCommonPragmas(db: Db): void {
  db.pragma('foreign_keys = ON')
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
}
