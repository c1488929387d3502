import { defineModule } from '../module'
import { backupHandlers } from './backup-handlers'
import { BackupService } from './backup-service'

/** The clinic's backups (Settings → Backups) and the daily backup at start. */
export const backupModule = defineModule({
  name: 'backups',
  needs: [],
  create: ({ db, dataDir, clock, guard, warn, sqlite, platform }) =>
    new BackupService({ db, dataDir, clock, guard, warn, sqlite, platform }),
  handlers: backupHandlers
})
