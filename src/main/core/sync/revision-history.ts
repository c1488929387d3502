import type { ReplicaDoc, SharedDoc } from './replica-docs'
import { bySavedAt, shownLeaf } from './shared-kind'
import type { SyncStore } from './sync-store'
import { flagConflicts, headOf, unflaggedLosers } from './conflict-flags'

/** The item of `<main><id>` or `<revision><id>:<key>`, or null for another kind's document. */
export function itemOfDoc(docId: string, main: string, revision: string): string | null {
  if (docId.startsWith(main)) return docId.slice(main.length)
  if (!docId.startsWith(revision)) return null
  const rest = docId.slice(revision.length)
  return rest.slice(0, rest.lastIndexOf(':'))
}

/** How one kind's local revision rows are read and written (articles', notes'). */
export interface RevisionRows<Text, Source extends string> {
  /** The item's newest local revision number (0 with none). */
  newest(itemId: string): number
  insert(itemId: string, revision: number, text: Text, source: Source, savedAt: string): void
  /** The text a revision document, or a main document's leaf, holds. */
  textOf(doc: ReplicaDoc): Text
  /** The source of a leaf's text whose revision document has not arrived, from its key. */
  leafSource(key: string): Source
  /** Whether a main document is in the bin (a live edit beats it). */
  isDeleted(doc: ReplicaDoc): boolean
}

/** A local revision as its replica document holds it: its fields, and its key when shipped. */
export interface LocalRevision {
  readonly shippedKey: string | null
  readonly fields: { readonly type: string } & Record<string, unknown>
}

/**
 * One kind's histories on the clinic network (articles, notes): each local revision's replica
 * key, revisions from elsewhere numbered on arrival, which leaf is shown, and the versions saved
 * at the same time kept as revisions and flagged (docs/clinic-network.md, "Conflicts are data").
 */
export class RevisionHistory<Text, Source extends string> {
  constructor(
    private readonly kind: string,
    private readonly prefix: (itemId: string) => string,
    private readonly store: SyncStore,
    private readonly rows: RevisionRows<Text, Source>
  ) {}

  newest(itemId: string): number {
    return this.rows.newest(itemId)
  }

  /**
   * The item's revision documents the replica does not have yet (oldest first, as `revisions`
   * lists the local numbers) and the key of the `current` one, which the main document names.
   * `read` is asked only for a revision that is not in the replica (they never change).
   */
  unsent(
    itemId: string,
    revisions: readonly number[],
    current: number,
    read: (revision: number) => LocalRevision | null
  ): { docs: SharedDoc[]; head: string } {
    const docs: SharedDoc[] = []
    let head = ''
    for (const revision of revisions) {
      const mapped = this.store.revisionKeyIfAny(this.kind, itemId, revision)
      if (mapped !== null && this.store.knownRev(`${this.prefix(itemId)}${mapped}`) !== null) {
        if (revision === current) head = mapped
        continue
      }
      const local = read(revision)
      if (local === null) continue
      const key = mapped ?? this.store.revisionKey(this.kind, itemId, revision, local.shippedKey)
      if (revision === current) head = key
      docs.push({ _id: `${this.prefix(itemId)}${key}`, key, ...local.fields })
    }
    return { docs, head }
  }

  /**
   * Which leaf SQLite shows: the engine's winner, unless it is deleted and a live edit not
   * flagged before beat it.
   */
  choose(itemId: string, winner: ReplicaDoc, losers: readonly ReplicaDoc[]): ReplicaDoc {
    const newLosers = unflaggedLosers(this.store, this.kind, itemId, winner, losers)
    return shownLeaf(winner, newLosers, this.rows.isDeleted)
  }

  /**
   * Every revision the replica holds for the item that SQLite lacks: revision documents, and
   * leaves whose document has not arrived.
   */
  addAll(
    itemId: string,
    leaves: readonly ReplicaDoc[],
    revisions: readonly ReplicaDoc[],
    now: string
  ): void {
    this.addRevisions(itemId, revisions, now)
    for (const leaf of leaves) this.addLeaf(itemId, leaf, now)
  }

  /**
   * The local revision that holds the shown text, which the item's row names: the next save
   * follows it (numbered after the newest), and the replica's `head` key is its key. After a
   * conflict it can be older than a version kept from another computer; the text is never
   * copied to make it the newest (docs/clinic-network.md, "The row names the shown revision").
   */
  shownRevision(itemId: string, shown: ReplicaDoc): number {
    return this.store.localRevision(this.kind, itemId, headOf(shown)) ?? this.rows.newest(itemId)
  }

  /**
   * Flags each live version that is not shown (kept as a revision by `addAll`), and sends the
   * live edit that beat a delete back to the replica on top of the winner.
   */
  keepConflicts(
    itemId: string,
    winner: ReplicaDoc,
    losers: readonly ReplicaDoc[],
    shown: ReplicaDoc,
    now: string
  ): void {
    const leaves = [winner, ...losers]
    flagConflicts(this.store, this.kind, itemId, shown, leaves, this.rows.isDeleted, now)
    if (shown !== winner) this.store.enqueue(this.kind, itemId)
  }

  /** The local numbers of the versions saved elsewhere at the same time, not looked at yet. */
  unseenConflicts(itemId: string): number[] {
    return this.store
      .conflicts(this.kind, itemId)
      .filter((row) => row.seenAt === null)
      .flatMap((row) => this.store.localRevision(this.kind, itemId, row.docKey) ?? [])
  }

  addRevisions(itemId: string, revisions: readonly ReplicaDoc[], now: string): void {
    for (const doc of [...revisions].sort(bySavedAt)) {
      const key = String(doc['key'])
      if (this.store.localRevision(this.kind, itemId, key) === null) {
        this.insert(itemId, key, this.rows.textOf(doc), doc['source'] as Source, doc, now)
      }
      this.store.setKnownRev(doc._id, doc._rev)
    }
  }

  /** A leaf whose revision document has not arrived yet: its text is the revision. */
  private addLeaf(itemId: string, leaf: ReplicaDoc, now: string): void {
    const key = headOf(leaf)
    if (key === '' || this.store.localRevision(this.kind, itemId, key) !== null) return
    this.insert(itemId, key, this.rows.textOf(leaf), this.rows.leafSource(key), leaf, now)
  }

  private insert(
    itemId: string,
    key: string,
    text: Text,
    source: Source,
    doc: ReplicaDoc,
    now: string
  ): void {
    const revision = this.rows.newest(itemId) + 1
    const savedAt = (doc['savedAt'] as string | null) ?? (doc['updatedAt'] as string | null) ?? now
    this.rows.insert(itemId, revision, text, source, savedAt)
    this.store.mapRevision(this.kind, itemId, revision, key)
  }
}
