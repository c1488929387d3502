import type { HandlerGroup } from '../api/handlers'
import type { BackupService } from './backup-service'

export type BackupChannel =
  | 'backups:status'
  | 'backups:create'
  | 'backups:restore'
  | 'backups:saveCopy'
  | 'backups:chooseSecondFolder'
  | 'backups:clearSecondFolder'

/** Settings → Backups. */
export const backupHandlers = (backups: BackupService): HandlerGroup<BackupChannel> => ({
  'backups:status': () => backups.status(),
  'backups:create': () => backups.createNow(),
  'backups:restore': ({ fileName }) => backups.restore(fileName),
  'backups:saveCopy': ({ fileName }) => backups.saveCopy(fileName),
  'backups:chooseSecondFolder': () => backups.chooseSecondFolder(),
  'backups:clearSecondFolder': () => backups.clearSecondFolder()
})
