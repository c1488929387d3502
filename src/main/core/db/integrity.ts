import { closeSync, openSync, readFileSync, readSync } from 'node:fs'
import { isSqliteError, openSqliteFile, openSqliteSnapshot } from './sqlite'
import type { Db, SqliteBinding } from './sqlite'

export interface IntegrityReport {
  readonly ok: boolean
  /** What quick_check (or opening the file) reported; empty when ok. */
  readonly problems: readonly string[]
}

/**
 * `PRAGMA quick_check` on an open database; a corrupt page may also surface as a thrown error.
 * With `table`, only that table and its indexes are checked (`sqlite_schema`: the schema).
 * Its cost grows with what it checks: the whole file when no table is named.
 */
export function quickCheck(db: Db, table?: string): IntegrityReport {
  try {
    const pragma = table === undefined ? 'quick_check' : `quick_check(${quoteName(table)})`
    const rows = db.pragma(pragma) as { quick_check: string }[]
    const problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok')
    return { ok: problems.length === 0, problems }
  } catch (error) {
    if (isSqliteError(error)) return { ok: false, problems: [error.message] }
    throw error
  }
}

const quoteName = (name: string): string => `'${name.replace(/'/g, "''")}'`

export interface FileCheck<T = never> extends IntegrityReport {
  /** `PRAGMA user_version` of the file, or null when it could not be read. */
  readonly userVersion: number | null
  /** What `read` returned from the checked file (null when it was not ok or not asked for). */
  readonly read: T | null
}

/**
 * Reads a database file's schema version and runs quick_check on it WITHOUT changing the file in
 * any way: a WAL-mode file is checked from an in-memory copy of its bytes (opening it for real,
 * even read-only, would create -wal and -shm files next to it); a rollback-journal file (such as
 * a backup) is opened read-only, which writes nothing. `read`, when given, runs on the same
 * connection after a passing check (what a backup holds, for instance).
 */
export function checkDatabaseFile<T = never>(
  path: string,
  binding: SqliteBinding = {},
  read?: (db: Db) => T
): FileCheck<T> {
  let db: Db | null = null
  try {
    db = isWalModeFile(path)
      ? openSqliteSnapshot(readFileSync(path), binding)
      : openSqliteFile(path, { ...binding, readonly: true, fileMustExist: true })
    const userVersion = db.pragma('user_version', { simple: true }) as number
    const report = quickCheck(db)
    return { ...report, userVersion, read: report.ok && read ? read(db) : null }
  } catch (error) {
    if (isSqliteError(error)) {
      return { ok: false, problems: [error.message], userVersion: null, read: null }
    }
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
  | ({ readonly kind: 'sqlite' } & SqliteHeader)
  | { readonly kind: 'not-sqlite' }

export interface SqliteHeader {
  readonly userVersion: number
  /** Bytes 18 and 19 are both 2. */
  readonly walMode: boolean
  readonly pageSize: number
  /**
   * The database size in pages the header records, or null when the header says it is not to be
   * trusted (the "version-valid-for" number differs from the change counter, or it is 0).
   */
  readonly pageCount: number | null
}

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1')
const HEADER_SIZE = 100

/**
 * Reads the file's 100-byte header with plain file reads: no SQLite connection, so nothing (no
 * lock, no -wal or -shm file) can touch a database this version of Pointbook must refuse. The
 * header is exact unless a crash left commits in a -wal file; the caller checks again once the
 * database is open.
 */
export function readDatabaseHeader(path: string): HeaderCheck {
  const header = readHeaderBytes(path)
  if (header.length === 0) return { kind: 'empty' }
  if (header.length < HEADER_SIZE || !header.subarray(0, MAGIC.length).equals(MAGIC)) {
    return { kind: 'not-sqlite' }
  }
  // All big-endian: page size at 16 (1 means 65536), change counter at 24, size in pages at 28,
  // user_version at 60, version-valid-for at 92 (sqlite.org/fileformat2.html#the_database_header).
  const rawPageSize = header.readUInt16BE(16)
  const pageCount = header.readUInt32BE(28)
  const valid = pageCount > 0 && header.readUInt32BE(24) === header.readUInt32BE(92)
  return {
    kind: 'sqlite',
    userVersion: header.readInt32BE(60),
    walMode: header[18] === 2 && header[19] === 2,
    pageSize: rawPageSize === 1 ? 65536 : rawPageSize,
    pageCount: valid ? pageCount : null
  }
}

/**
 * True when the file's size is exactly what its header records: what a cleanly closed WAL
 * database looks like (the last checkpoint sets the size). A truncated or extended file, or a
 * header that does not vouch for its size, is not; the caller then runs the full check at once.
 */
export function sizeMatchesHeader(header: SqliteHeader, fileBytes: number): boolean {
  const validPageSize =
    header.pageSize >= 512 &&
    header.pageSize <= 65536 &&
    (header.pageSize & (header.pageSize - 1)) === 0
  return (
    validPageSize && header.pageCount !== null && header.pageCount * header.pageSize === fileBytes
  )
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

export type IntegrityState = 'verified' | 'pending' | 'damaged'

/**
 * Whether the open library has passed its full quick_check, and the one way past it for a write.
 * A gate made `pending` keeps its connection `PRAGMA query_only` (SQLite itself refuses every
 * write, VACUUM INTO and ANALYZE included) until `verify()` has found the file intact, so nothing
 * can be written to a file that has not been checked, whichever code path tries.
 */
export class IntegrityGate {
  private current: IntegrityState
  private found: readonly string[] = []

  /**
   * @param damagedError builds the error `ensureVerified()` throws for a damaged file.
   * @param onDamaged called once, with quick_check's lines, when the check finds damage.
   */
  private constructor(
    private readonly db: Db,
    state: 'verified' | 'pending',
    private readonly damagedError: () => Error,
    private readonly onDamaged: (problems: readonly string[]) => void
  ) {
    this.current = state
  }

  static verified(db: Db, damagedError: () => Error): IntegrityGate {
    return new IntegrityGate(db, 'verified', damagedError, () => undefined)
  }

  /** The full check is still to run: the connection is made query-only until it passes. */
  static pending(
    db: Db,
    damagedError: () => Error,
    onDamaged: (problems: readonly string[]) => void
  ): IntegrityGate {
    db.pragma('query_only = ON')
    return new IntegrityGate(db, 'pending', damagedError, onDamaged)
  }

  get state(): IntegrityState {
    return this.current
  }

  /** quick_check's lines when the state is 'damaged'. */
  get problems(): readonly string[] {
    return this.found
  }

  /**
   * Runs the full quick_check if it has not run yet (on this thread: ~10 ms of CPU per MB of
   * library) and returns the state: 'verified' (writes are allowed from now on) or 'damaged'.
   * Stays 'pending' only when the connection was closed first. Never throws for a damaged file.
   */
  verify(): IntegrityState {
    if (this.current !== 'pending' || !this.db.open) return this.current
    const report = quickCheck(this.db)
    if (report.ok) {
      this.db.pragma('query_only = OFF')
      this.current = 'verified'
    } else {
      this.found = report.problems
      this.current = 'damaged'
      this.onDamaged(report.problems)
    }
    return this.current
  }

  /** Call before writing: verifies first if needed; throws `damagedError()` for a damaged file. */
  ensureVerified(): void {
    if (this.verify() === 'damaged') throw this.damagedError()
  }

  /** The error a damaged library is reported with (corrupt_database, naming the latest good backup). */
  error(): Error {
    return this.damagedError()
  }
}
