import type { Clock } from '../clock'
import { describeClinicContent } from '../db/clinic-content'
import { listBackups } from '../db/backups'
import { restoreBackup } from '../db/restore'
import type { SqliteBinding } from '../db/sqlite'
import type { WarningLogger } from '../logger'
import { clearRestoreRequest, readRestoreRequest, writeLastRestore } from './backup-settings'

/**
 * Carries out a restore the clinic asked for on the Backups screen. It runs at the start of
 * openLibrary, before the database is opened, because a file cannot be swapped under an open
 * connection. A failure leaves the library as it was (restoreBackup is all or nothing); either
 * way the outcome is written for the Backups screen and the request is removed, so a restore that
 * keeps failing cannot stop the library from opening.
 */
export function carryOutRequestedRestore(
  dataDir: string,
  clock: Clock,
  warn: WarningLogger,
  binding: SqliteBinding
): void {
  const request = readRestoreRequest(dataDir)
  if (request === null) return
  const at = clock().toISOString()
  try {
    const backup = listBackups(dataDir).find((b) => b.fileName === request.fileName)
    if (!backup) {
      throw new Error(`The backup ${request.fileName} is no longer in the backups folder.`)
    }
    const result = restoreBackup(dataDir, backup, { ...binding, now: clock })
    const holds = result.content ? ` It holds ${describeClinicContent(result.content)}.` : ''
    writeLastRestore(dataDir, {
      at,
      ok: true,
      message:
        `The backup from ${describeTime(backup.createdAt)} was restored.${holds} ` +
        'A backup of the library as it was just before is in the list.'
    })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    warn(`The requested restore failed: ${reason}`)
    writeLastRestore(dataDir, {
      at,
      ok: false,
      message: `The backup was not restored. ${reason}`
    })
  } finally {
    clearRestoreRequest(dataDir)
  }
}

/** "2026-12-04 20:23 UTC": the core does not know the clinic's time zone; the screen does. */
const describeTime = (iso: string): string => `${iso.replace('T', ' ').slice(0, 16)} UTC`
