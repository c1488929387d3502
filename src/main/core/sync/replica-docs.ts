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
 * Writes each document as a child of the revision SQLite last matched (sync_docs), with a
 * revision id derived from that parent and the content. So a concurrent change made elsewhere
 * becomes a second branch (a conflict the applier keeps), never an overwrite; two computers
 * writing the same content on the same parent (a shipped text, a delete that a live edit beat)
 * make the same revision; and writing again after a crash is a no-op. A document whose content
 * is the parent's is left out. One batch: an item costs one write however many revisions it has.
 */
export async function writeShared(
  replica: PouchDB.Database,
  store: SyncStore,
  docs: readonly SharedDoc[]
): Promise<void> {
  const written: (SharedDoc & { _rev: string })[] = []
  for (const doc of docs) {
    const parent = store.knownRev(doc._id)
    if (parent !== null) {
      const current = await replica.get(doc._id, { rev: parent }).catch(() => null)
      if (current !== null && sameContent(current as unknown as Record<string, unknown>, doc)) {
        continue
      }
    }
    const depth = parent === null ? 1 : Number.parseInt(parent, 10) + 1
    const hash = createHash('md5')
      .update(`${parent ?? ''}\n${contentOf(doc)}`)
      .digest('hex')
    const ids = parent === null ? [hash] : [hash, hashOf(parent)]
    written.push({ ...doc, _rev: `${depth}-${hash}`, _revisions: { start: depth, ids } })
  }
  if (written.length === 0) return
  const results = await replica.bulkDocs(written, { new_edits: false })
  for (const result of results) {
    if ('error' in result && result.error === true) {
      throw new Error(
        `The replica refused ${result.id ?? ''}: ${result.message ?? result.name ?? ''}`
      )
    }
  }
  for (const doc of written) store.setKnownRev(doc._id, doc._rev)
}

/** What the replica holds for one item that this computer has not applied yet. */
export interface ItemChanges {
  readonly winner: ReplicaDoc | null
  readonly losers: readonly ReplicaDoc[]
  /** The item's revision documents this computer does not have at their current revision. */
  readonly revisions: readonly ReplicaDoc[]
  /** The main document's leaves, to remember once applied (`sync_docs`). */
  readonly leaves: string
}

const leavesKey = (mainId: string): string => `${mainId}#leaves`

/**
 * Reads an item from the replica, or returns null when this computer already has all of it (its
 * own write coming back, or a change applied before): the main document's leaves are the ones
 * last applied and every revision document is at the revision last seen. Only what is new is
 * read in full, so an item with a long history costs the same to check as a new one.
 */
export async function readItemChanges(
  replica: PouchDB.Database,
  store: SyncStore,
  mainId: string,
  revisionPrefix: string
): Promise<ItemChanges | null> {
  const [winner, listed] = await Promise.all([
    replica.get(mainId, { conflicts: true }).catch((error: { status?: number }) => {
      if (error.status === 404) return null
      throw error
    }),
    replica.allDocs({ startkey: revisionPrefix, endkey: `${revisionPrefix}\uffff` })
  ])
  const conflicts = [...((winner as { _conflicts?: string[] } | null)?._conflicts ?? [])].sort()
  const leaves = winner === null ? '' : [winner._rev, ...conflicts].join(' ')
  const unknown = listed.rows
    .filter((row) => store.knownRev(row.id) !== row.value.rev)
    .map((row) => row.id)
  if (unknown.length === 0 && (winner === null || store.knownRev(leavesKey(mainId)) === leaves)) {
    return null
  }
  const [losers, revisions] = await Promise.all([
    Promise.all(conflicts.map((rev) => replica.get(mainId, { rev }))),
    unknown.length === 0
      ? Promise.resolve([])
      : replica
          .allDocs({ keys: unknown, include_docs: true })
          .then((result) => result.rows.flatMap((row) => (row.doc ? [row.doc] : [])))
  ])
  return {
    winner: winner as unknown as ReplicaDoc | null,
    losers: losers as unknown as ReplicaDoc[],
    revisions: revisions as unknown as ReplicaDoc[],
    leaves
  }
}

/** Remembers the leaves applied, so the same state is not read again (see readItemChanges). */
export function rememberLeaves(store: SyncStore, mainId: string, leaves: string): void {
  if (leaves !== '') store.setKnownRev(leavesKey(mainId), leaves)
}
