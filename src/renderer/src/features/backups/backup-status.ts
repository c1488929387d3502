import type { BackupStatus } from '../../../../shared/api/backups'

/** The newest backup older than this is a warning (docs/data-safety.md). */
export const STALE_BACKUP_HOURS = 7 * 24

/** Sent by the Backups screen after it made or changed something, so the banner looks again. */
export const BACKUPS_CHANGED_EVENT = 'pointbook:backups-changed'

export const announceBackupsChanged = (): void => {
  window.dispatchEvent(new Event(BACKUPS_CHANGED_EVENT))
}

/** What the banner says, or null when all is well. */
export function backupWarning(status: BackupStatus): string | null {
  if (status.readOnly) return null
  if (status.lastFailure) {
    return `The last backup failed: ${status.lastFailure.message}`
  }
  if (status.newestAgeHours === null) return 'There is no backup of this library yet.'
  if (status.newestAgeHours > STALE_BACKUP_HOURS) {
    const days = Math.floor(status.newestAgeHours / 24)
    return `The newest backup is ${days} days old.`
  }
  return null
}

/** "12.4 MB" */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

const REASONS: Record<string, string> = {
  daily: 'Daily',
  manual: 'Made by hand',
  'pre-migration': 'Before an update',
  'pre-import': 'Before new built-in content',
  'pre-restore': 'Before a restore',
  'pre-transfer': 'Before a library import'
}

export const reasonLabel = (reason: string): string => REASONS[reason] ?? reason
