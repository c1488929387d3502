/** What a hub sends a joining computer first: every document with its revision tree. */
export interface Snapshot {
  /** The hub's update sequence when the snapshot was read: live replication pulls from here. */
  readonly updateSeq: string | number
  readonly docs: PouchDB.Core.ExistingDocument<object>[]
}

export const SNAPSHOT_PATH = '_pointbook_snapshot'

/**
 * Reads a snapshot of a database: every document id (deleted ones too, so a delete is not undone
 * by a room that still has the document), each of its leaf revisions (a conflict arrives as a
 * conflict), each with its revision history, so the receiving replica stores the hub's revisions
 * as they are (`bulkDocs(…, { new_edits: false })`). The sequence is read first: a change made
 * while reading is both in the snapshot and pulled again, which is harmless.
 */
export async function readSnapshot(db: PouchDB.Database): Promise<Snapshot> {
  const info = await db.info()
  const changes = await db.changes({ since: 0, style: 'all_docs' })
  const wanted = changes.results.flatMap((change) =>
    change.changes.map(({ rev }) => ({ id: change.id, rev }))
  )
  const docs: PouchDB.Core.ExistingDocument<object>[] = []
  const batch = 500
  for (let start = 0; start < wanted.length; start += batch) {
    const got = await db.bulkGet({
      docs: wanted.slice(start, start + batch),
      revs: true,
      attachments: true
    })
    for (const result of got.results) {
      for (const entry of result.docs) {
        if ('ok' in entry) docs.push(entry.ok as PouchDB.Core.ExistingDocument<object>)
      }
    }
  }
  return { updateSeq: info.update_seq, docs }
}
