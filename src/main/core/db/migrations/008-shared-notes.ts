import type { Migration } from './types'
import { outboxTriggers } from './outbox-triggers'

/**
 * Notes join the clinic network (docs/clinic-network.md): a note's save, pin, move or bin flag
 * and each of its revisions put the note in the outbox. Drafts stay on this computer.
 *
 * Every item the library already holds goes into the outbox once: the notes written before this
 * version, and the articles and handouts written before version 7 (whose triggers only saw later
 * saves), so a library that shares or joins sends all of its content, not only what changed since
 * the upgrade. An item the replica already has at that content costs a read and is not written.
 * Never edit once shipped.
 */
export const sharedNotes: Migration = {
  version: 8,
  name: 'shared notes',
  up(db) {
    db.exec(
      outboxTriggers([
        { table: 'notes', kind: 'note', item: 'new.id' },
        { table: 'note_revisions', kind: 'note', item: 'new.note_id' }
      ])
    )
    db.exec(`
      INSERT INTO sync_outbox (kind, item_id)
        SELECT 'article', id FROM articles
        UNION ALL SELECT 'handout', handout_id || '/' || lang FROM handout_texts
        UNION ALL SELECT 'note', id FROM notes;
    `)
  }
}
