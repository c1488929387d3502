import type { ArticleService } from '../articles/article-service'
import type { BackupService } from '../backups/backup-service'
import type { HandoutService } from '../handouts/handout-service'
import type { NoteService } from '../notes/note-service'
import type { SettingsService } from '../settings/settings-service'
import { defineModule } from '../module'
import type { SearchIndex } from '../search/search-index'
import type { HandlerGroup } from '../api/handlers'
import { ArticleSync } from './article-sync'
import { ConflictNotices } from './conflict-notices'
import { FrontDeskSync } from './front-desk-sync'
import { HandoutSync } from './handout-sync'
import { NoteSync } from './note-sync'
import { ProfileSync } from './profile-sync'
import { SyncService } from './sync-service'
import { SyncStore } from './sync-store'

export type SyncChannel = 'sync:status' | 'sync:conflicts' | 'sync:markSeen'

export interface SyncModuleService {
  readonly sync: SyncService
  readonly notices: ConflictNotices
}

/**
 * The clinic network inside the library: the local replica, the outbox, the appliers, the
 * conflicts and the status (docs/clinic-network.md). Comes after every domain it maps.
 */
export const syncModule = defineModule({
  name: 'sync',
  needs: ['articles', 'handouts', 'notes', 'settings', 'search', 'backups'],
  create: (
    { db, dataDir, clock, guard, warn },
    needs: {
      readonly articles: ArticleService
      readonly handouts: HandoutService
      readonly notes: NoteService
      readonly settings: SettingsService
      readonly search: SearchIndex
      readonly backups: BackupService
    }
  ): SyncModuleService => {
    const store = new SyncStore(db)
    const sync = new SyncService({
      dataDir,
      store,
      clock,
      guard,
      warn,
      kinds: [
        new ArticleSync(store, needs.articles.transfer(), needs.search),
        new HandoutSync(store, needs.handouts.transfer()),
        new NoteSync(store, needs.notes.transfer(), needs.search),
        new ProfileSync(store, needs.settings),
        new FrontDeskSync(store, needs.handouts.transfer().repo)
      ],
      backUp: () => needs.backups.createNow().backup.fileName
    })
    return { sync, notices: new ConflictNotices(store, clock, guard, sync) }
  },
  handlers: ({ sync, notices }): HandlerGroup<SyncChannel> => ({
    'sync:status': () => sync.status(),
    'sync:conflicts': (input) => notices.list(input),
    'sync:markSeen': ({ kind, itemId }) => notices.markSeen(kind, itemId)
  })
})
