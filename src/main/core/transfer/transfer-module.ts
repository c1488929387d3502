import { defineModule } from '../module'
import type { ArticleService } from '../articles/article-service'
import type { BackupService } from '../backups/backup-service'
import type { NoteService } from '../notes/note-service'
import type { HandoutService } from '../handouts/handout-service'
import type { SettingsService } from '../settings/settings-service'
import { transferHandlers } from './transfer-handlers'
import { TransferService } from './transfer-service'

/** Whole-library export and import (docs/data-safety.md, "Export and import"). */
export const transferModule = defineModule({
  name: 'transfer',
  needs: ['articles', 'notes', 'handouts', 'settings', 'backups'],
  create: (
    { db, clock, guard, appInfo, platform },
    needs: {
      articles: ArticleService
      notes: NoteService
      handouts: HandoutService
      settings: SettingsService
      backups: BackupService
    }
  ) => new TransferService({ db, clock, guard, appInfo, platform, ...needs }),
  handlers: transferHandlers
})
