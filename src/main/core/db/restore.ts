import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs'
import { ApiError } from '../../../shared/api'
import type { Clock } from '../clock'
import { listBackups } from './backups'
import type { BackupFile } from './backups'
import { databasePath } from './paths'
import { checkDatabaseFile } from './integrity'
import { LATEST_SCHEMA_VERSION } from './migrations'
import type { SqliteBinding } from './sqlite'

export interface RestoreOptions extends SqliteBinding {
  readonly now?: Clock
}

export interface RestoreResult {
  readonly restoredFrom: BackupFile
  /** Where the damaged database was moved (never deleted), or null when there was none. */
  readonly corruptFileKeptAt: string | null
}

/** The newest backup that passes quick_check and that this version of Pointbook can open. */
export function findLatestGoodBackup(
  dataDir: string,
  binding: SqliteBinding = {}
): BackupFile | null {
  for (const backup of listBackups(dataDir)) {
    const check = checkDatabaseFile(backup.path, binding)
    if (check.ok && check.userVersion !== null && check.userVersion <= LATEST_SCHEMA_VERSION) {
      return backup
    }
  }
  return null
}

/**
 * D5: replaces a damaged library with its newest good backup. The damaged file (and any -wal,
 * -shm or -journal file beside it) is renamed with a timestamp and kept, never deleted, so
 * nothing is lost if the clinic later needs it recovered. Call it while no library is open on
 * the folder; then call openLibrary again.
 */
export function restoreLatestBackup(dataDir: string, options: RestoreOptions = {}): RestoreResult {
  const backup = findLatestGoodBackup(dataDir, options)
  if (!backup) {
    throw new ApiError(
      'not_found',
      'There is no backup of this library that passes its check, so nothing was restored. ' +
        'Your library file was left as it was.'
    )
  }
  const target = databasePath(dataDir)
  const stamp = (options.now ?? (() => new Date()))().toISOString().replace(/:/g, '-')
  let corruptFileKeptAt: string | null = null
  if (existsSync(target)) {
    corruptFileKeptAt = `${target}.corrupt-${stamp}`
    renameSync(target, corruptFileKeptAt)
  }
  // A stale -wal would be replayed onto the restored file: move it with the damaged one.
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (existsSync(target + suffix)) {
      renameSync(target + suffix, `${corruptFileKeptAt ?? `${target}.corrupt-${stamp}`}${suffix}`)
    }
  }
  const restoring = `${target}.restoring`
  copyFileSync(backup.path, restoring)
  const check = checkDatabaseFile(restoring, options)
  if (!check.ok) {
    rmSync(restoring, { force: true })
    throw new ApiError(
      'io_error',
      `The backup from ${backup.createdAt} could not be copied back intact. Check the disk and try again.`
    )
  }
  renameSync(restoring, target)
  return { restoredFrom: backup, corruptFileKeptAt }
}
