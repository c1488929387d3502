import { createHash } from 'node:crypto'
import type { SyncStore } from './sync-store'

/** A shared document as the sync module writes it: its id, a type, and plain JSON fields. */
export interface SharedDoc {
  readonly _id: string
  readonly type: string
  readonly [field: string]: unknown
}

/** A document read back from the replica (with the revision it was read at). */
export type ReplicaDoc = SharedDoc & { readonly _rev: string }

const contentOf = (doc: Record<string, unknown>): string =>
  JSON.stringify(
    Object.keys(doc)
      .filter((key) => !key.startsWith('_'))
      .sort()
      .map((key) => [key, doc[key]])
  )

export const sameContent = (a: Record<string, unknown>, b: Record<string, unknown>): boolean =>
  contentOf(a) === contentOf(b)

const hashOf = (rev: string): string => rev.slice(rev.indexOf('-') + 1)

/**
 * Writes `doc` as a child of the revision SQLite last matched (sync_docs), with a revision id
 * derived from that parent and the content. So a concurrent change made elsewhere becomes a
 * second branch (a conflict the applier keeps), never an overwrite; two computers writing the
 * same content on the same parent (a shipped text, a delete that a live edit beat) make the same
 * revision; and writing again after a crash is a no-op. Returns false when nothing changed.
 */
export async function writeShared(
  replica: PouchDB.Database,
  store: SyncStore,
  doc: SharedDoc
): Promise<boolean> {
  const parent = store.knownRev(doc._id)
  if (parent !== null) {
    const current = await replica.get(doc._id, { rev: parent }).catch(() => null)
    if (current !== null && sameContent(current as unknown as Record<string, unknown>, doc))
      return false
  }
  const depth = parent === null ? 1 : Number.parseInt(parent, 10) + 1
  const hash = createHash('md5')
    .update(`${parent ?? ''}\n${contentOf(doc)}`)
    .digest('hex')
  const ids = parent === null ? [hash] : [hash, hashOf(parent)]
  const written = { ...doc, _rev: `${depth}-${hash}`, _revisions: { start: depth, ids } }
  const [result] = await replica.bulkDocs([written as never], { new_edits: false })
  if (result !== undefined && 'error' in result && result.error === true) {
    throw new Error(`The replica refused ${doc._id}: ${result.message ?? result.name ?? ''}`)
  }
  store.setKnownRev(doc._id, written._rev)
  return true
}

/** The winning revision of a document with every other live leaf (a conflict), or null. */
export async function readLeaves(
  replica: PouchDB.Database,
  id: string
): Promise<{ winner: ReplicaDoc; losers: ReplicaDoc[] } | null> {
  const winner = await replica.get(id, { conflicts: true }).catch((error: { status?: number }) => {
    if (error.status === 404) return null
    throw error
  })
  if (winner === null) return null
  const conflicts = (winner as { _conflicts?: string[] })._conflicts ?? []
  const losers = await Promise.all(conflicts.map((rev) => replica.get(id, { rev })))
  return {
    winner: winner as unknown as ReplicaDoc,
    losers: losers as unknown as ReplicaDoc[]
  }
}

/** Every live document whose id starts with `prefix` (an item's revisions), winners only. */
export async function readPrefixed(
  replica: PouchDB.Database,
  prefix: string
): Promise<ReplicaDoc[]> {
  const result = await replica.allDocs({
    startkey: prefix,
    endkey: `${prefix}\uffff`,
    include_docs: true
  })
  return result.rows.flatMap((row) => ('doc' in row && row.doc ? [row.doc as ReplicaDoc] : []))
}
