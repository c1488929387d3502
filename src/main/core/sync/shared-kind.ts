import type { ReplicaDoc, SharedDoc } from './replica-docs'

/** What the replica holds for one item: its main document's leaves and its revision documents. */
export interface ReplicaItem {
  /** The engine's winner (null while only revision documents have arrived). */
  readonly winner: ReplicaDoc | null
  /** Every other live leaf: versions saved elsewhere at the same time. */
  readonly losers: readonly ReplicaDoc[]
  readonly revisions: readonly ReplicaDoc[]
}

/**
 * One kind of shared item (articles, handouts): how its SQLite rows become replica documents
 * and back. `apply` runs inside the sync store's applying transaction.
 */
export interface SharedKind {
  readonly kind: string
  /** The main document's id of an item. */
  mainId(itemId: string): string
  /** The prefix of the item's revision documents' ids. */
  revisionPrefix(itemId: string): string
  /** The item a document belongs to, or null when it is not of this kind. */
  itemOf(docId: string): string | null
  /** The item's documents as SQLite holds it now (revisions first, the main one last). */
  localDocs(itemId: string): SharedDoc[]
  apply(itemId: string, replica: ReplicaItem, now: string): void
  /**
   * Why a replicated document of the item cannot be applied (it breaks the rules a local save
   * keeps), or null when it can; see replica-check.ts. A kind without it takes every document.
   */
  refusal?(itemId: string, doc: ReplicaDoc): string | null
  /**
   * Runs after each batch of replica changes is applied (in the applying transaction): a kind
   * whose change had to wait for another kind's item (a handout's front-desk setting for the
   * handout) applies it here once that item has arrived.
   */
  afterBatch?(now: string): void
  /**
   * Writes the item's search entry again after its conflicts were marked seen, for a kind whose
   * entry holds an unseen version's words (articles); the other kinds' entries need nothing.
   */
  refreshSearch?(itemId: string): void
}

/** Revision documents oldest first (a shipped text, with no date, before any edit). */
export const bySavedAt = (a: ReplicaDoc, b: ReplicaDoc): number =>
  String(a['savedAt'] ?? '').localeCompare(String(b['savedAt'] ?? '')) || a._id.localeCompare(b._id)

/**
 * Which leaf SQLite shows: the engine's winner, except that a live edit beats a delete (a
 * newly seen live leaf against a deleted winner; the newest one, by its time then its id, so
 * every computer picks the same).
 */
export function shownLeaf(
  winner: ReplicaDoc,
  newLosers: readonly ReplicaDoc[],
  isDeleted: (doc: ReplicaDoc) => boolean
): ReplicaDoc {
  if (!isDeleted(winner)) return winner
  const live = newLosers.filter((doc) => !isDeleted(doc))
  live.sort(
    (a, b) =>
      String(b['updatedAt'] ?? '').localeCompare(String(a['updatedAt'] ?? '')) ||
      b._rev.localeCompare(a._rev)
  )
  return live[0] ?? winner
}
