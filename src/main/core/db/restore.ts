import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync
} from 'node:fs'
import { dirname, join } from 'node:path'
import { ApiError } from '../../../shared/api/errors'
import type { Clock } from '../clock'
import { backupContent, listBackups } from './backups'
import type { BackupFile } from './backups'
import type { ClinicContent } from './clinic-content'
import { describeFileError } from './file-errors'
import { checkDatabaseFile } from './integrity'
import { LATEST_SCHEMA_VERSION } from './migrations'
import { DATABASE_FILE_NAME, databasePath } from './paths'
import type { SqliteBinding } from './sqlite'

/** The steps of a restore, in order; tests stop a restore after each one. */
export type RestoreStep = 'copied' | 'checked' | 'set-aside' | 'journals-removed' | 'swapped'

export interface RestoreOptions extends SqliteBinding {
  readonly now?: Clock
  /** Test seam: called after each step (a test throws or kills the process there). */
  readonly afterStep?: (step: RestoreStep) => void
}

export interface RestoreResult {
  readonly restoredFrom: BackupFile
  /** What the restored backup holds, when it could be counted. */
  readonly content: ClinicContent | null
  /** Where the damaged database was kept (never deleted), or null when there was none. */
  readonly damagedFileKeptAt: string | null
}

const SIDE_FILES = ['-wal', '-shm', '-journal'] as const
const STAGED_SUFFIX = '.restoring'

/** A backup that passes its check, with what it holds. */
export interface GoodBackup {
  readonly backup: BackupFile
  readonly content: ClinicContent | null
}

/** The newest backup that passes quick_check and that this version of Pointbook can open. */
export function findLatestGoodBackup(
  dataDir: string,
  binding: SqliteBinding = {}
): GoodBackup | null {
  for (const backup of listBackups(dataDir)) {
    if (isRestorable(backup.path, binding)) {
      return { backup, content: backupContent(backup, binding) }
    }
  }
  return null
}

function isRestorable(path: string, binding: SqliteBinding): boolean {
  const check = checkDatabaseFile(path, binding)
  return check.ok && check.userVersion !== null && check.userVersion <= LATEST_SCHEMA_VERSION
}

/** Puts the newest good backup in place (see restoreBackup). */
export function restoreLatestBackup(dataDir: string, options: RestoreOptions = {}): RestoreResult {
  const good = findLatestGoodBackup(dataDir, options)
  if (!good) {
    throw new ApiError(
      'not_found',
      'There is no backup of this library that passes its check, so nothing was restored. ' +
        'Your library file was left as it was.'
    )
  }
  return restoreBackup(dataDir, good.backup, options)
}

/**
 * D5: replaces the library with a backup, all or nothing. Call it while no library is open on
 * the folder; then open the library again.
 * 1. The backup is copied beside the database under a temporary name, flushed to disk, and
 *    checked (quick_check, a schema this version can open).
 * 2. The current database and its -wal/-shm/-journal are kept aside under `.damaged-<time>`
 *    names (hard links, or copies where links are not possible): nothing is ever deleted.
 * 3. The old journal files are removed (a stale -wal would be replayed onto the restored file),
 *    and the checked copy is renamed over the database: one atomic step.
 * A failure in 1 or 2 leaves the folder exactly as it was; a failure in 3 puts the journal
 * files back. The error says what happened in words, never raw Node or SQLite text.
 */
export function restoreBackup(
  dataDir: string,
  backup: BackupFile,
  options: RestoreOptions = {}
): RestoreResult {
  const target = databasePath(dataDir)
  const staged = `${target}${STAGED_SUFFIX}`
  const afterStep = options.afterStep ?? (() => undefined)
  const when = describeWhen(backup.createdAt)
  try {
    copyDurably(backup.path, staged)
    afterStep('copied')
    if (!isRestorable(staged, options)) {
      throw Object.assign(new Error('the copy failed its check'), { code: 'ECHECK' })
    }
    afterStep('checked')
  } catch (error) {
    rmSync(staged, { force: true })
    throw restoreError(`The backup from ${when} could not be copied back`, error)
  }

  const stamp = (options.now ?? (() => new Date()))().toISOString().replace(/:/g, '-')
  const keptAt = `${target}.damaged-${stamp}`
  const kept: string[] = []
  try {
    for (const suffix of ['', ...SIDE_FILES]) {
      if (!existsSync(target + suffix)) continue
      linkOrCopy(target + suffix, keptAt + suffix)
      kept.push(keptAt + suffix)
    }
    afterStep('set-aside')
  } catch (error) {
    for (const path of kept) rmSync(path, { force: true })
    rmSync(staged, { force: true })
    throw restoreError('The current library could not be set aside before restoring', error)
  }

  const removed: string[] = []
  try {
    for (const suffix of SIDE_FILES) {
      if (!existsSync(target + suffix)) continue
      rmSync(target + suffix)
      removed.push(suffix)
    }
    afterStep('journals-removed')
    renameSync(staged, target)
  } catch (error) {
    if (existsSync(staged)) {
      // The swap did not happen: put back what was removed, then drop the copies made for it.
      for (const suffix of removed) linkOrCopy(keptAt + suffix, target + suffix)
      for (const path of kept) rmSync(path, { force: true })
      rmSync(staged, { force: true })
    }
    throw restoreError('The backup could not be put in place', error)
  }
  afterStep('swapped')
  return {
    restoredFrom: backup,
    content: backupContent(backup, options),
    damagedFileKeptAt: kept.length > 0 ? keptAt : null
  }
}

/** Removes a copy left by a restore that was cut short (it never replaced anything). */
export function removeUnfinishedRestore(dataDir: string): void {
  rmSync(`${databasePath(dataDir)}${STAGED_SUFFIX}`, { force: true })
}

/** Files a restore (or a fresh start) kept aside in the data folder, newest first. */
export function keptAsideFiles(dataDir: string): string[] {
  if (!existsSync(dataDir)) return []
  const prefix = `${DATABASE_FILE_NAME}.damaged-`
  return readdirSync(dataDir)
    .filter((name) => name.startsWith(prefix) && name.endsWith('Z'))
    .sort()
    .reverse()
    .map((name) => join(dataDir, name))
}

/** Copies a file and flushes it (and its folder entry) to disk before anyone relies on it. */
function copyDurably(from: string, to: string): void {
  copyFileSync(from, to)
  flush(to)
  flushFolder(dirname(to))
}

function flush(path: string): void {
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

function flushFolder(dir: string): void {
  // Windows cannot open a folder for fsync; its renames are made durable by NTFS's own journal.
  if (process.platform === 'win32') return
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** A hard link costs no space and keeps the exact bytes; a copy where links are not possible. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to)
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'EEXIST') throw error
    copyDurably(from, to)
  }
}

function restoreError(what: string, error: unknown): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError(
    'io_error',
    `${what}: ${describeFileError(error)}. Your library was left exactly as it was. ` +
      'Free some disk space or check the folder, then try again.'
  )
}

const describeWhen = (createdAt: string): string => createdAt.replace('T', ' ').slice(0, 16)
