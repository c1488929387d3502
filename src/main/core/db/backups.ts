import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { ApiError } from '../../../shared/api/errors'
import type { Clock } from '../clock'
import { clinicWork, readClinicContent } from './clinic-content'
import type { ClinicContent } from './clinic-content'
import { describeFileError } from './file-errors'
import { checkDatabaseFile } from './integrity'
import { backupsToDelete } from './retention'
import type { Db, SqliteBinding } from './sqlite'

export const DAILY_BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000

export type BackupReason =
  'daily' | 'pre-migration' | 'pre-import' | 'pre-restore' | 'pre-transfer' | 'manual'

export interface BackupFile {
  readonly path: string
  readonly fileName: string
  /** ISO timestamp of when the backup was made (from its file name). */
  readonly createdAt: string
  readonly reason: string
}

export interface BackupOptions extends SqliteBinding {
  readonly clock: Clock
  /** Another folder (a second disk, a USB stick) that every backup is also copied to. */
  readonly secondFolder?: string | null
}

export interface BackupMade extends BackupFile {
  /** Why the copy to the second folder failed, or null (also null when there is none). */
  readonly secondFolderProblem: string | null
}

const FILE_RE =
  /^pointbook-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})\.(\d{3})Z-([a-z0-9-]+)\.sqlite$/

const UNFINISHED_RE = /^(.+)\.partial(?:-journal)?$/

/** What a backup holds, written beside it when it is made (`<backup>.json`). */
interface BackupSidecar {
  readonly content: ClinicContent
}

export const backupsDir = (dataDir: string): string => join(dataDir, 'backups')

/** Backups in the data folder's backups/, newest first. Files that do not look like ours are ignored. */
export function listBackups(dataDir: string): BackupFile[] {
  return listBackupsIn(backupsDir(dataDir))
}

/** Backups in one folder, newest first. */
export function listBackupsIn(dir: string): BackupFile[] {
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
  // Plain comparisons: ISO times and ASCII names sort by code unit (localeCompare would load the
  // locale data on every start for nothing).
  return backups.sort((a, b) =>
    a.createdAt === b.createdAt
      ? compare(b.fileName, a.fileName)
      : compare(b.createdAt, a.createdAt)
  )
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * What a backup holds: from the note written beside it, or (a backup made by an older version)
 * counted from the file itself and noted for next time. Null when the file cannot be read.
 */
export function backupContent(
  backup: BackupFile,
  binding: SqliteBinding = {}
): ClinicContent | null {
  const sidecar = `${backup.path}.json`
  try {
    const parsed = JSON.parse(readFileSync(sidecar, 'utf8')) as Partial<BackupSidecar>
    if (isClinicContent(parsed.content)) return parsed.content
  } catch {
    // No note, or an unreadable one: count from the file below.
  }
  const check = checkDatabaseFile(backup.path, binding, readClinicContent)
  if (!check.ok || check.read === null) return null
  writeSidecar(backup.path, check.read)
  return check.read
}

export const backupSize = (backup: BackupFile): number => {
  try {
    return statSync(backup.path).size
  } catch {
    return 0
  }
}

/**
 * Makes a consistent copy of the open database with `VACUUM INTO`, SQLite's synchronous online
 * backup (a transactionally consistent snapshot, like the backup API, but it completes within
 * the call so start-up stays synchronous). The copy is written under a temporary name, checked
 * with quick_check and only then given its final name, so a half-written or bad copy never
 * counts as a backup (one left by a backup that was cut short is removed first). Old backups are
 * removed afterwards by the retention rule (retention.ts), only once the new copy is in place.
 * When a second folder is set, the checked copy is also copied there; a failure there does not
 * undo the backup and is returned for the clinic to see.
 */
export function createBackup(
  db: Db,
  dataDir: string,
  reason: BackupReason,
  options: BackupOptions
): BackupMade {
  const dir = backupsDir(dataDir)
  const createdAt = options.clock().toISOString()
  const fileName = uniqueFileName(dir, createdAt, reason)
  const finalPath = join(dir, fileName)
  const partialPath = `${finalPath}.partial`
  let content: ClinicContent
  try {
    mkdirSync(dir, { recursive: true })
    removeUnfinishedCopies(dir)
    content = readClinicContent(db)
    db.prepare('VACUUM INTO ?').run(partialPath)
    const check = checkDatabaseFile(partialPath, options)
    if (!check.ok) throw Object.assign(new Error('the copy failed its check'), { code: 'ECHECK' })
    renameSync(partialPath, finalPath)
  } catch (error) {
    rmSync(partialPath, { force: true })
    throw new ApiError(
      'io_error',
      `Pointbook could not make a backup of your library in ${dir}: ${describeFileError(error)}. ` +
        'Check that the disk has free space and the folder can be written to.'
    )
  }
  writeSidecar(finalPath, content)
  const liveWork = clinicWork(content)
  rotateBackupsIn(dir, liveWork, options)
  let secondFolderProblem: string | null = null
  if (options.secondFolder) {
    secondFolderProblem = copyToSecondFolder(finalPath, fileName, options.secondFolder)
    if (secondFolderProblem === null) rotateBackupsIn(options.secondFolder, liveWork, options)
  }
  return { path: finalPath, fileName, createdAt, reason, secondFolderProblem }
}

/** Makes the daily backup when the newest one is older than 24 hours (or there is none). */
export function isDailyBackupDue(dataDir: string, clock: Clock): boolean {
  const newest = listBackups(dataDir)[0]
  if (!newest) return true
  return clock().getTime() - Date.parse(newest.createdAt) >= DAILY_BACKUP_INTERVAL_MS
}

/** Deletes the backups the retention rule no longer keeps (with their notes). */
export function rotateBackupsIn(dir: string, liveWork: number, binding: SqliteBinding = {}): void {
  const backups = listBackupsIn(dir)
  const byName = new Map(backups.map((b) => [b.fileName, b]))
  const retained = backups.map((backup) => {
    const content = backupContent(backup, binding)
    return { ...backup, work: content === null ? null : clinicWork(content) }
  })
  for (const fileName of backupsToDelete(retained, liveWork)) {
    const backup = byName.get(fileName)
    if (!backup) continue
    rmSync(backup.path, { force: true })
    rmSync(`${backup.path}.json`, { force: true })
  }
}

/** Copies a finished backup into another folder: under a temporary name, then renamed. */
function copyToSecondFolder(source: string, fileName: string, folder: string): string | null {
  const target = join(folder, fileName)
  const partial = `${target}.partial`
  try {
    mkdirSync(folder, { recursive: true })
    copyFileSync(source, partial)
    renameSync(partial, target)
    copyFileSync(`${source}.json`, `${target}.json`)
    return null
  } catch (error) {
    removeQuietly(partial)
    return `The copy to ${folder} failed: ${describeFileError(error)}.`
  }
}

/** Cleaning up after a failure must not hide the failure (a path under a file throws ENOTDIR). */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true })
  } catch {
    // Nothing was written there, or it cannot be reached: nothing to remove.
  }
}

function writeSidecar(backupPath: string, content: ClinicContent): void {
  const sidecar: BackupSidecar = { content }
  try {
    writeFileSync(`${backupPath}.json`, JSON.stringify(sidecar))
  } catch {
    // Only a note: without it the contents are counted from the backup when next needed.
  }
}

function isClinicContent(value: unknown): value is ClinicContent {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Record<string, unknown>
  return ['articles', 'clinicArticles', 'notes', 'editedHandouts'].every(
    (key) => typeof record[key] === 'number' && Number.isInteger(record[key])
  )
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
