import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Files beside the database that belong to this computer's copy of the library, not to the
 * library itself (they are not in backups or exports): where else backups go, a restore the
 * clinic asked for (done at the next start, when no library is open), and what it did.
 */
const SETTINGS_FILE = 'backup-settings.json'
const RESTORE_REQUEST_FILE = 'restore-request.json'
const LAST_RESTORE_FILE = 'last-restore.json'

export interface BackupSettings {
  readonly secondFolder: string | null
}

export interface RestoreRequest {
  readonly fileName: string
  readonly requestedAt: string
}

export interface RestoreOutcome {
  readonly at: string
  readonly ok: boolean
  readonly message: string
}

export function readBackupSettings(dataDir: string): BackupSettings {
  const parsed = readJson(join(dataDir, SETTINGS_FILE)) as Partial<BackupSettings> | null
  const folder = parsed?.secondFolder
  return { secondFolder: typeof folder === 'string' && folder !== '' ? folder : null }
}

export function writeBackupSettings(dataDir: string, settings: BackupSettings): void {
  writeJson(join(dataDir, SETTINGS_FILE), settings)
}

export function readRestoreRequest(dataDir: string): RestoreRequest | null {
  const parsed = readJson(join(dataDir, RESTORE_REQUEST_FILE)) as Partial<RestoreRequest> | null
  if (typeof parsed?.fileName !== 'string' || typeof parsed.requestedAt !== 'string') return null
  return { fileName: parsed.fileName, requestedAt: parsed.requestedAt }
}

export function writeRestoreRequest(dataDir: string, request: RestoreRequest): void {
  writeJson(join(dataDir, RESTORE_REQUEST_FILE), request)
}

export function clearRestoreRequest(dataDir: string): void {
  rmSync(join(dataDir, RESTORE_REQUEST_FILE), { force: true })
}

export function readLastRestore(dataDir: string): RestoreOutcome | null {
  const parsed = readJson(join(dataDir, LAST_RESTORE_FILE)) as Partial<RestoreOutcome> | null
  if (
    typeof parsed?.at !== 'string' ||
    typeof parsed.ok !== 'boolean' ||
    typeof parsed.message !== 'string'
  ) {
    return null
  }
  return { at: parsed.at, ok: parsed.ok, message: parsed.message }
}

export function writeLastRestore(dataDir: string, outcome: RestoreOutcome): void {
  writeJson(join(dataDir, LAST_RESTORE_FILE), outcome)
}

function readJson(path: string): unknown {
  if (!existsSync(path)) return null
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown
  } catch {
    return null
  }
}

/** Written under a temporary name and renamed, so a crash never leaves half a file. */
function writeJson(path: string, value: unknown): void {
  const partial = `${path}.partial`
  writeFileSync(partial, `${JSON.stringify(value)}\n`)
  renameSync(partial, path)
}
