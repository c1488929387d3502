import { copyFileSync, renameSync, rmSync } from 'node:fs'
import type { BackupStatus, BackupSummary } from '../../../shared/api/backups'
import { ApiError } from '../../../shared/api/errors'
import type { Clock } from '../clock'
import {
  backupContent,
  backupSize,
  createBackup,
  isDailyBackupDue,
  listBackups
} from '../db/backups'
import type { BackupFile, BackupReason } from '../db/backups'
import { describeFileError } from '../db/file-errors'
import { checkDatabaseFile } from '../db/integrity'
import { LATEST_SCHEMA_VERSION } from '../db/migrations'
import type { Db, SqliteBinding } from '../db/sqlite'
import type { WarningLogger } from '../logger'
import type { Platform } from '../platform'
import type { WriteGuard } from '../write-guard'
import {
  readBackupSettings,
  readLastRestore,
  writeBackupSettings,
  writeRestoreRequest
} from './backup-settings'

export interface BackupServiceDeps {
  readonly db: Db
  readonly dataDir: string
  readonly clock: Clock
  readonly guard: WriteGuard
  readonly warn: WarningLogger
  readonly sqlite: SqliteBinding
  readonly platform: Pick<Platform, 'chooseSavePath' | 'chooseFolder' | 'restart'>
}

const HOUR_MS = 60 * 60 * 1000

/**
 * The clinic's backups: the daily one at start, "Back up now", restoring one (at the next start),
 * saving a copy elsewhere and a second folder every backup is also copied to. A failed backup is
 * remembered until one succeeds, so the app can keep saying so (docs/data-safety.md).
 */
export class BackupService {
  private lastFailure: { at: string; message: string } | null = null

  constructor(private readonly deps: BackupServiceDeps) {}

  /** At start: the daily backup when the newest one is a day old. Never throws. */
  backUpIfDue(): void {
    if (this.deps.guard.readOnly || !isDailyBackupDue(this.deps.dataDir, this.deps.clock)) return
    try {
      this.make('daily')
    } catch (error) {
      this.deps.warn(`The daily backup failed: ${error instanceof Error ? error.message : error}`)
    }
  }

  /** A backup before the built-in import changes existing items. Throws when it fails. */
  backUpBeforeImport(): void {
    this.make('pre-import')
  }

  /** A backup before a whole-library import (kept apart from the daily ones). Throws when it fails. */
  backUpBeforeLibraryImport(): void {
    this.make('pre-transfer')
  }

  createNow(): { backup: BackupSummary; secondFolderProblem: string | null } {
    const made = this.make('manual')
    return { backup: this.summarize(made), secondFolderProblem: made.secondFolderProblem }
  }

  status(): BackupStatus {
    const backups = listBackups(this.deps.dataDir).map((backup) => this.summarize(backup))
    const newestGood = backups.find((b) => b.content !== null)
    const now = this.deps.clock().getTime()
    return {
      backups,
      newestAgeHours: newestGood
        ? Math.max(0, (now - Date.parse(newestGood.createdAt)) / HOUR_MS)
        : null,
      lastFailure: this.lastFailure,
      secondFolder: readBackupSettings(this.deps.dataDir).secondFolder,
      lastRestore: readLastRestore(this.deps.dataDir),
      readOnly: this.deps.guard.readOnly
    }
  }

  /**
   * Backs up the library as it is, then asks the app to restart; the chosen backup is put in
   * place at the next start, before the library opens (requested-restore.ts).
   */
  restore(fileName: string): { restarting: boolean } {
    const restart = this.deps.platform.restart
    if (restart === undefined) {
      throw new ApiError(
        'io_error',
        'Restoring needs Pointbook to restart, which is not possible here.'
      )
    }
    this.deps.guard.assertWritable()
    const backup = this.find(fileName)
    const check = checkDatabaseFile(backup.path, this.deps.sqlite)
    if (!check.ok || check.userVersion === null || check.userVersion > LATEST_SCHEMA_VERSION) {
      throw new ApiError(
        'corrupt_database',
        `The backup from ${backup.createdAt} does not pass its check, so it cannot be restored. ` +
          'Nothing was changed; choose another backup.'
      )
    }
    this.make('pre-restore')
    writeRestoreRequest(this.deps.dataDir, {
      fileName,
      requestedAt: this.deps.clock().toISOString()
    })
    restart()
    return { restarting: true }
  }

  async saveCopy(fileName: string): Promise<{ savedTo: string | null }> {
    const choose = this.deps.platform.chooseSavePath
    if (choose === undefined) throw new ApiError('io_error', 'Saving a copy is not available here.')
    const backup = this.find(fileName)
    const chosen = await choose(`Pointbook backup ${backup.createdAt.slice(0, 10)}.sqlite`)
    if (chosen === null) return { savedTo: null }
    const target = /\.sqlite$/i.test(chosen) ? chosen : `${chosen}.sqlite`
    const partial = `${target}.partial`
    try {
      copyFileSync(backup.path, partial)
      renameSync(partial, target)
    } catch (error) {
      rmSync(partial, { force: true })
      throw new ApiError(
        'io_error',
        `The copy could not be saved to ${target}: ${describeFileError(error)}. ` +
          'Check the disk or choose another place.'
      )
    }
    return { savedTo: target }
  }

  async chooseSecondFolder(): Promise<{ secondFolder: string | null }> {
    const choose = this.deps.platform.chooseFolder
    if (choose === undefined) {
      throw new ApiError('io_error', 'Choosing a folder is not available here.')
    }
    const folder = await choose('Choose a second folder for backups')
    if (folder === null) return { secondFolder: readBackupSettings(this.deps.dataDir).secondFolder }
    writeBackupSettings(this.deps.dataDir, { secondFolder: folder })
    return { secondFolder: folder }
  }

  clearSecondFolder(): { secondFolder: null } {
    writeBackupSettings(this.deps.dataDir, { secondFolder: null })
    return { secondFolder: null }
  }

  private make(reason: BackupReason): ReturnType<typeof createBackup> {
    try {
      // A backup of an unchecked file could rotate a good one out: the guard checks first.
      this.deps.guard.assertWritable()
      const made = createBackup(this.deps.db, this.deps.dataDir, reason, {
        clock: this.deps.clock,
        secondFolder: readBackupSettings(this.deps.dataDir).secondFolder,
        ...this.deps.sqlite
      })
      this.lastFailure =
        made.secondFolderProblem === null
          ? null
          : { at: made.createdAt, message: made.secondFolderProblem }
      return made
    } catch (error) {
      // ApiError messages are written for the clinic; anything else is said in words.
      const message =
        error instanceof ApiError
          ? error.message
          : `Pointbook could not make a backup: ${describeFileError(error)}.`
      this.lastFailure = { at: this.deps.clock().toISOString(), message }
      throw error
    }
  }

  private find(fileName: string): BackupFile {
    const backup = listBackups(this.deps.dataDir).find((b) => b.fileName === fileName)
    if (!backup) throw new ApiError('not_found', 'That backup is no longer in the backups folder.')
    return backup
  }

  private summarize(backup: BackupFile): BackupSummary {
    return {
      fileName: backup.fileName,
      createdAt: backup.createdAt,
      reason: backup.reason,
      sizeBytes: backupSize(backup),
      content: backupContent(backup, this.deps.sqlite)
    }
  }
}
