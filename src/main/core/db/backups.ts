import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { ApiError } from '../../../shared/api'
import type { Clock } from '../clock'
import { checkDatabaseFile } from './integrity'
import type { Db, SqliteBinding } from './sqlite'

/** At least 7 (D6; Joplin raised its default after users lost data); 10 covers over a week. */
export const BACKUPS_TO_KEEP = 10
export const DAILY_BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000

export type BackupReason = 'daily' | 'pre-migration' | 'pre-import' | 'manual'

export interface BackupFile {
  readonly path: string
  readonly fileName: string
  /** ISO timestamp of when the backup was made (from its file name). */
  readonly createdAt: string
  readonly reason: string
}

export interface BackupOptions extends SqliteBinding {
  readonly clock: Clock
  readonly keep?: number
}

const FILE_RE =
  /^pointbook-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})\.(\d{3})Z-([a-z0-9-]+)\.sqlite$/

const UNFINISHED_RE = /^(.+)\.partial(?:-journal)?$/

export const backupsDir = (dataDir: string): string => join(dataDir, 'backups')

/** Backups in the data folder, newest first. Files that do not look like ours are ignored. */
export function listBackups(dataDir: string): BackupFile[] {
  const dir = backupsDir(dataDir)
  if (!existsSync(dir)) return []
  const backups: BackupFile[] = []
  for (const fileName of readdirSync(dir)) {
    const match = FILE_RE.exec(fileName)
    if (!match) continue
    const [, date, hh, mm, ss, ms, reason] = match as unknown as string[]
    backups.push({
      path: join(dir, fileName),
      fileName,
      createdAt: `${date}T${hh}:${mm}:${ss}.${ms}Z`,
      reason: reason as string
    })
  }
  return backups.sort((a, b) =>
    a.createdAt === b.createdAt
      ? b.fileName.localeCompare(a.fileName)
      : b.createdAt.localeCompare(a.createdAt)
  )
}

/**
 * Makes a consistent copy of the open database with `VACUUM INTO`, SQLite's synchronous online
 * backup (a transactionally consistent snapshot, like the backup API, but it completes within
 * the call so start-up stays synchronous). The copy is written under a temporary name, checked
 * with quick_check and only then given its final name, so a half-written or bad copy never
 * counts as a backup (one left by a backup that was cut short is removed first). Older backups
 * beyond `keep` are removed afterwards, only once the new copy is in place.
 */
export function createBackup(
  db: Db,
  dataDir: string,
  reason: BackupReason,
  options: BackupOptions
): BackupFile {
  const dir = backupsDir(dataDir)
  const createdAt = options.clock().toISOString()
  const fileName = uniqueFileName(dir, createdAt, reason)
  const finalPath = join(dir, fileName)
  const partialPath = `${finalPath}.partial`
  try {
    mkdirSync(dir, { recursive: true })
    removeUnfinishedCopies(dir)
    db.prepare('VACUUM INTO ?').run(partialPath)
    const check = checkDatabaseFile(partialPath, options)
    if (!check.ok) throw new Error(`the copy failed its check: ${check.problems.join('; ')}`)
    renameSync(partialPath, finalPath)
  } catch (error) {
    rmSync(partialPath, { force: true })
    const detail = error instanceof Error ? error.message : String(error)
    throw new ApiError(
      'io_error',
      `Pointbook could not make a backup of your library in ${dir} (${detail}). ` +
        'Check that the disk has free space and the folder can be written to.'
    )
  }
  rotateBackups(dataDir, options.keep ?? BACKUPS_TO_KEEP)
  return { path: finalPath, fileName, createdAt, reason }
}

/** Makes the daily backup when the newest one is older than 24 hours (or there is none). */
export function isDailyBackupDue(dataDir: string, clock: Clock): boolean {
  const newest = listBackups(dataDir)[0]
  if (!newest) return true
  return clock().getTime() - Date.parse(newest.createdAt) >= DAILY_BACKUP_INTERVAL_MS
}

/** Keeps the newest `keep` backups and deletes the rest. */
export function rotateBackups(dataDir: string, keep: number): void {
  for (const old of listBackups(dataDir).slice(Math.max(1, keep))) {
    rmSync(old.path, { force: true })
  }
}

/**
 * A backup cut short (the app was killed or the machine lost power while it ran) leaves its
 * `.partial` copy and the copy's `-journal`; they never count as backups, so without this they
 * would pile up, each as large as the library.
 */
function removeUnfinishedCopies(dir: string): void {
  for (const name of readdirSync(dir)) {
    const unfinished = UNFINISHED_RE.exec(name)
    if (unfinished && FILE_RE.test(unfinished[1] as string)) {
      rmSync(join(dir, name), { force: true })
    }
  }
}

function uniqueFileName(dir: string, createdAt: string, reason: BackupReason): string {
  const stamp = createdAt.replace(/:/g, '-')
  let fileName = `pointbook-${stamp}-${reason}.sqlite`
  for (let n = 2; existsSync(join(dir, fileName)); n++) {
    fileName = `pointbook-${stamp}-${reason}-${n}.sqlite`
  }
  return fileName
}
