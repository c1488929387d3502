import { existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs'
import { ApiError } from '../../../shared/api/errors'
import type { Clock } from '../clock'
import type { WarningLogger } from '../logger'
import { createBackup } from './backups'
import { IntegrityGate, quickCheck, readDatabaseHeader, sizeMatchesHeader } from './integrity'
import type { HeaderCheck, IntegrityReport, SqliteHeader } from './integrity'
import { newerDatabaseError, readUserVersion, runMigrations } from './migrate'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations'
import { databasePath } from './paths'
import { applyCommonPragmas, applyWritablePragmas } from './pragmas'
import { describeClinicContent } from './clinic-content'
import { ensureLibraryMarker, evidenceOfLibrary } from './library-marker'
import { findLatestGoodBackup, removeUnfinishedRestore } from './restore'
import {
  isDiskWriteError,
  isSqliteError,
  openSqliteFile,
  openSqliteMemory,
  openSqliteSnapshot
} from './sqlite'
import type { Db, SqliteBinding } from './sqlite'
import { assertSqliteSupported, readSqliteCapabilities } from './sqlite-requirements'
import { networkFolderReason } from './network-folder'
import { checkWritability } from './writability'

export interface OpenDatabaseOptions extends SqliteBinding {
  readonly dataDir: string
  readonly clock: Clock
  readonly appVersion: string
  readonly warn: WarningLogger
  /**
   * When the full quick_check runs (docs/data-safety.md, "Integrity check at start-up").
   * 'at-start' (the default): before openDatabase returns. 'before-first-write': a large library
   * that was closed cleanly and needs no upgrade opens after a bounded check (header, size,
   * schema); the full check runs when `integrity.verify()` is called (after the first screen) or
   * before the first write, whichever comes first, and until then SQLite refuses every write.
   */
  readonly fullCheck?: 'at-start' | 'before-first-write'
  /** With 'before-first-write', a file up to this size is still checked in full at start. */
  readonly fullCheckAtStartMaxBytes?: number
  /**
   * The clinic chose "Start a new, empty library" after being told its library is damaged,
   * missing or empty: the current file (if any) is kept aside and a new library is made. Without
   * this, a folder that held a library is never silently given an empty one.
   */
  readonly startNewLibrary?: boolean
  /**
   * Open read-only whatever the folder allows, for this reason (another copy of Pointbook holds
   * the library's lock).
   */
  readonly readOnlyBecause?: string | undefined
}

/**
 * A file this small is checked in full before it opens, whatever `fullCheck` says: about 10 ms of
 * quick_check, not worth deferring. (A library of the built-ins alone is ~3.4 MB.)
 */
export const FULL_CHECK_AT_START_MAX_BYTES = 1024 * 1024

export interface OpenedDatabase {
  readonly db: Db
  readonly path: string
  readonly readOnly: boolean
  readonly readOnlyReason: string | null
  /** The schema version found before migrating (0 for a new file). */
  readonly previousSchemaVersion: number
  /** 'verified' unless the full check was left for later ('pending'); see IntegrityGate. */
  readonly integrity: IntegrityGate
}

/**
 * Opens (creating if needed) the library database, in this order:
 * 1. D1: the SQLite build has FTS5 and is recent enough (checked on a throwaway in-memory db).
 * 2. A newer schema is refused from the file header alone, before any SQLite connection, so the
 *    file stays byte-for-byte as it was and no -wal/-shm appears beside it (D7).
 * 3. A folder or file that cannot be written opens read-only (D4).
 * 4. quick_check runs before anything is written: a damaged file is reported, never changed (D5).
 *    With `fullCheck: 'before-first-write'` it may run later, but still before any write.
 * 5. Pragmas, then pending migrations in one transaction after a backup when there is data.
 */
export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  assertSqliteBuild(options)
  ensureFolder(options.dataDir)
  const path = databasePath(options.dataDir)
  removeUnfinishedRestore(options.dataDir)
  if (options.startNewLibrary && existsSync(path)) keepAside(path, options.clock)
  const exists = existsSync(path)
  const header = exists ? assertNotNewer(path, options) : null
  if (!options.startNewLibrary && (header === null || header.kind === 'empty')) {
    const evidence = evidenceOfLibrary(options.dataDir)
    if (evidence !== null) throw missingLibraryError(path, exists, evidence, options)
  }

  const network = networkFolderReason(options.dataDir)
  const writability =
    options.readOnlyBecause !== undefined
      ? { writable: false, reason: options.readOnlyBecause }
      : network !== null
        ? { writable: false, reason: network }
        : checkWritability(options.dataDir, exists ? path : null)
  if (!writability.writable) {
    if (!exists) {
      throw new ApiError(
        'read_only',
        `Pointbook cannot create its library because ${lowerFirst(writability.reason ?? '')} ` +
          'Choose a folder you can write to.'
      )
    }
    return openReadOnly(path, options, writability.reason)
  }

  const db = openSqliteFile(path, options)
  try {
    const integrity = checkAtStart(db, path, header, options)
    applyWritablePragmas(db)
    // Rare: a newer version crashed and left its last commits in the -wal, which the header
    // check cannot see. They are visible now that the file is open.
    const found = readUserVersion(db)
    if (found > LATEST_SCHEMA_VERSION) {
      throw newerDatabaseError(found, LATEST_SCHEMA_VERSION, options.appVersion)
    }
    try {
      runMigrations(db, MIGRATIONS, (from) => {
        integrity.ensureVerified()
        if (from > 0) createBackup(db, options.dataDir, 'pre-migration', options)
      })
    } catch (error) {
      // The migrations run in one transaction, rolled back when a write fails.
      if (isDiskWriteError(error)) throw migrationDiskError()
      throw error
    }
    markLibrary(options)
    return {
      db,
      path,
      readOnly: false,
      readOnlyReason: null,
      previousSchemaVersion: found,
      integrity
    }
  } catch (error) {
    db.close()
    throw error
  }
}

/**
 * The full quick_check before anything else, unless the caller allows it later and this start
 * writes nothing: the file is large, was closed cleanly (no -wal, size as its header records) and
 * needs no upgrade. Then only the header and the schema are checked now (cost independent of the
 * library's size) and the gate keeps the connection query-only until the full check has passed.
 */
function checkAtStart(
  db: Db,
  path: string,
  header: HeaderCheck | null,
  options: OpenDatabaseOptions
): IntegrityGate {
  const damaged = (): Error => corruptDatabaseError(path, options)
  if (header?.kind === 'sqlite' && mayDeferFullCheck(path, header, options)) {
    if (quickCheck(db, 'sqlite_schema').ok) {
      return IntegrityGate.pending(db, damaged, (problems) => warnProblems(problems, options))
    }
  }
  assertIntact(quickCheck(db), path, options)
  return IntegrityGate.verified(db, damaged)
}

function mayDeferFullCheck(
  path: string,
  header: SqliteHeader,
  options: OpenDatabaseOptions
): boolean {
  if (options.fullCheck !== 'before-first-write') return false
  if (!header.walMode || header.userVersion !== LATEST_SCHEMA_VERSION) return false
  const bytes = fileSize(path)
  if (
    bytes === null ||
    bytes <= (options.fullCheckAtStartMaxBytes ?? FULL_CHECK_AT_START_MAX_BYTES)
  ) {
    return false
  }
  // A -wal with frames in it means the last session did not close cleanly: check everything now.
  const walBytes = fileSize(`${path}-wal`)
  return (walBytes === null || walBytes === 0) && sizeMatchesHeader(header, bytes)
}

function fileSize(path: string): number | null {
  try {
    return statSync(path).size
  } catch {
    return null
  }
}

function assertSqliteBuild(binding: SqliteBinding): void {
  const memory = openSqliteMemory(binding)
  try {
    assertSqliteSupported(readSqliteCapabilities(memory))
  } finally {
    memory.close()
  }
}

function ensureFolder(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true })
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unknown error'
    throw new ApiError(
      'io_error',
      `Pointbook cannot create its data folder ${dataDir} (${code}). Choose a folder you can write to.`
    )
  }
}

function assertNotNewer(path: string, options: OpenDatabaseOptions): HeaderCheck {
  let header: HeaderCheck
  try {
    header = readDatabaseHeader(path)
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unknown error'
    throw new ApiError(
      'io_error',
      `Pointbook cannot read its library file ${path} (${code}). Check that the file can be read.`
    )
  }
  if (header.kind === 'not-sqlite') {
    options.warn(`${path} does not start with a valid SQLite header.`)
    throw corruptDatabaseError(path, options)
  }
  if (header.kind === 'sqlite' && header.userVersion > LATEST_SCHEMA_VERSION) {
    throw newerDatabaseError(header.userVersion, LATEST_SCHEMA_VERSION, options.appVersion)
  }
  return header
}

function assertIntact(report: IntegrityReport, path: string, options: OpenDatabaseOptions): void {
  if (report.ok) return
  warnProblems(report.problems, options)
  throw corruptDatabaseError(path, options)
}

function warnProblems(problems: readonly string[], options: OpenDatabaseOptions): void {
  for (const problem of problems.slice(0, 5)) options.warn(`quick_check: ${problem}`)
}

function migrationDiskError(): ApiError {
  return new ApiError(
    'io_error',
    'Pointbook could not update your library for this version: the disk is full or could not ' +
      'be written. Nothing was changed; free some space and open Pointbook again.'
  )
}

function corruptDatabaseError(path: string, options: OpenDatabaseOptions): ApiError {
  return new ApiError(
    'corrupt_database',
    `The library file ${path} is damaged and cannot be opened safely. It was left exactly as it was. ` +
      backupOffer(options)
  )
}

/**
 * D5 for a file that is missing or empty where a library was: never a silent new library. The
 * clinic is offered the latest backup, or a new library only when it chooses one.
 */
function missingLibraryError(
  path: string,
  exists: boolean,
  evidence: string,
  options: OpenDatabaseOptions
): ApiError {
  const state = exists ? 'is empty (0 bytes)' : 'is missing'
  return new ApiError(
    'corrupt_database',
    `The library file ${path} ${state}, but this folder held a Pointbook library (${evidence}). ` +
      `Nothing was created or changed. ${backupOffer(options)}`
  )
}

function backupOffer(options: OpenDatabaseOptions): string {
  const good = findLatestGoodBackup(options.dataDir, options)
  if (!good) {
    return 'There is no good backup to restore. Keep the file and contact support before doing anything else.'
  }
  const holds = good.content ? ` It holds ${describeClinicContent(good.content)}.` : ''
  return (
    `The latest good backup is from ${good.backup.createdAt} (${good.backup.fileName}).${holds} ` +
    'Restore it to carry on from that point; the current file will be kept aside, not deleted.'
  )
}

/** The marker says "a library lives here" from now on; a failure to write it is only a warning. */
function markLibrary(options: OpenDatabaseOptions): void {
  try {
    ensureLibraryMarker(options.dataDir, options.clock)
  } catch (error) {
    options.warn(`The library marker could not be written: ${String(error)}`)
  }
}

/** Moves the library file (and its side files) aside, never deleted, before a new one is made. */
function keepAside(path: string, clock: Clock): void {
  const stamp = clock().toISOString().replace(/:/g, '-')
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, `${path}.damaged-${stamp}${suffix}`)
  }
}

function openReadOnly(
  path: string,
  options: OpenDatabaseOptions,
  reason: string | null
): OpenedDatabase {
  const db = openReadOnlyConnection(path, options)
  try {
    assertIntact(quickCheck(db), path, options)
    applyCommonPragmas(db)
    const found = readUserVersion(db)
    if (found < LATEST_SCHEMA_VERSION) {
      throw new ApiError(
        'read_only',
        'This library must be updated for this version of Pointbook, but it cannot be written to. ' +
          `${reason ?? ''} Open it from a folder you can write to.`.trim()
      )
    }
    return {
      db,
      path,
      readOnly: true,
      readOnlyReason: reason,
      previousSchemaVersion: found,
      integrity: IntegrityGate.verified(db, () => corruptDatabaseError(path, options))
    }
  } catch (error) {
    db.close()
    throw error
  }
}

/**
 * A WAL-mode file in a folder that cannot be written has no -shm to share, and SQLite refuses to
 * open it then; an in-memory copy of the file serves the same data for reading.
 */
function openReadOnlyConnection(path: string, binding: SqliteBinding): Db {
  let db: Db | null = null
  try {
    db = openSqliteFile(path, { ...binding, readonly: true, fileMustExist: true })
    db.prepare('SELECT count(*) FROM sqlite_schema').get()
    return db
  } catch (error) {
    db?.close()
    if (!isSqliteError(error)) throw error
    return openSqliteSnapshot(readFileSync(path), binding)
  }
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1)
