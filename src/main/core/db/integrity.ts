import { closeSync, openSync, readFileSync, readSync } from 'node:fs'
import { isSqliteError, openSqliteFile, openSqliteSnapshot } from './sqlite'
import type { Db, SqliteBinding } from './sqlite'

export interface IntegrityReport {
  readonly ok: boolean
  /** What quick_check (or opening the file) reported; empty when ok. */
  readonly problems: readonly string[]
}

/** `PRAGMA quick_check` on an open database; a corrupt page may also surface as a thrown error. */
export function quickCheck(db: Db): IntegrityReport {
  try {
    const rows = db.pragma('quick_check') as { quick_check: string }[]
    const problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok')
    return { ok: problems.length === 0, problems }
  } catch (error) {
    if (isSqliteError(error)) return { ok: false, problems: [error.message] }
    throw error
  }
}

export interface FileCheck extends IntegrityReport {
  /** `PRAGMA user_version` of the file, or null when it could not be read. */
  readonly userVersion: number | null
}

/**
 * Reads a database file's schema version and runs quick_check on it WITHOUT changing the file in
 * any way: a WAL-mode file is checked from an in-memory copy of its bytes (opening it for real,
 * even read-only, would create -wal and -shm files next to it); a rollback-journal file (such as
 * a backup) is opened read-only, which writes nothing.
 */
export function checkDatabaseFile(path: string, binding: SqliteBinding = {}): FileCheck {
  let db: Db | null = null
  try {
    db = isWalModeFile(path)
      ? openSqliteSnapshot(readFileSync(path), binding)
      : openSqliteFile(path, { ...binding, readonly: true, fileMustExist: true })
    const userVersion = db.pragma('user_version', { simple: true }) as number
    return { ...quickCheck(db), userVersion }
  } catch (error) {
    if (isSqliteError(error)) return { ok: false, problems: [error.message], userVersion: null }
    throw error
  } finally {
    db?.close()
  }
}

/** Header bytes 18 and 19 are both 2 in a WAL-mode database file. */
function isWalModeFile(path: string): boolean {
  const header = readHeaderBytes(path)
  return header.length >= 20 && header[18] === 2 && header[19] === 2
}

export type HeaderCheck =
  | { readonly kind: 'empty' }
  | { readonly kind: 'sqlite'; readonly userVersion: number }
  | { readonly kind: 'not-sqlite' }

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1')
const HEADER_SIZE = 100

/**
 * Reads the schema version from the file's 100-byte header with plain file reads: no SQLite
 * connection, so nothing (no lock, no -wal or -shm file) can touch a database this version of
 * Pointbook must refuse. The header is exact unless a crash left commits in a -wal file; the
 * caller checks again once the database is open.
 */
export function readDatabaseHeader(path: string): HeaderCheck {
  const header = readHeaderBytes(path)
  if (header.length === 0) return { kind: 'empty' }
  if (header.length < HEADER_SIZE || !header.subarray(0, MAGIC.length).equals(MAGIC)) {
    return { kind: 'not-sqlite' }
  }
  // user_version: a big-endian 32-bit integer at offset 60.
  return { kind: 'sqlite', userVersion: header.readInt32BE(60) }
}

function readHeaderBytes(path: string): Buffer {
  const header = Buffer.alloc(HEADER_SIZE)
  const fd = openSync(path, 'r')
  try {
    return header.subarray(0, readSync(fd, header, 0, HEADER_SIZE, 0))
  } finally {
    closeSync(fd)
  }
}
