import type { SyncConflict, SyncKind } from '../../../shared/api/sync'
import type { Clock } from '../clock'
import { isoNow } from '../clock'
import type { WriteGuard } from '../write-guard'
import type { ConflictRow, SyncStore } from './sync-store'

/**
 * The notice on an item whose versions were saved on two computers at the same time: both are in
 * its history; the notice stays until someone opens the item and marks it seen.
 */
export class ConflictNotices {
  constructor(
    private readonly store: SyncStore,
    private readonly clock: Clock,
    private readonly guard: WriteGuard,
    private readonly search: { refreshSearch(kind: SyncKind, itemId: string): void }
  ) {}

  list(filter: { kind?: SyncKind | undefined; itemId?: string | undefined }): SyncConflict[] {
    const rows =
      filter.kind !== undefined && filter.itemId !== undefined
        ? this.store.conflicts(filter.kind, filter.itemId)
        : this.store
            .unseenConflicts()
            .filter((row) => filter.kind === undefined || row.kind === filter.kind)
    return rows.map((row) => this.view(row))
  }

  markSeen(kind: SyncKind, itemId: string): { marked: number } {
    this.guard.assertWritable()
    return this.store.db.transaction(() => {
      const marked = this.store.markSeen(kind, itemId, isoNow(this.clock))
      // The other version's words leave the item's search entry with the notice.
      if (marked > 0) this.search.refreshSearch(kind, itemId)
      return { marked }
    })()
  }

  private view(row: ConflictRow): SyncConflict {
    return {
      kind: row.kind as SyncKind,
      itemId: row.itemId,
      revision: this.store.localRevision(row.kind, row.itemId, row.docKey),
      foundAt: row.foundAt,
      seenAt: row.seenAt
    }
  }
}
