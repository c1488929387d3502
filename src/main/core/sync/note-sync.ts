import type { NoteRevisionRow, NoteRow } from '../notes/note-repo'
import type { NoteRepo } from '../notes/note-repo'
import type { NoteTransferDeps } from '../notes/note-transfer'
import type { SearchIndex } from '../search/search-index'
import { noteDocRefusal, noteRevisionRefusal } from './note-docs'
import type { ReplicaDoc, SharedDoc } from './replica-docs'
import type { ReplicaItem, SharedKind } from './shared-kind'
import { bySavedAt, shownLeaf } from './shared-kind'
import type { SyncStore } from './sync-store'

const KIND = 'note'
const MAIN = 'note:'
const REVISION = 'note-rev:'

const isDeleted = (doc: ReplicaDoc): boolean => doc['deletedAt'] !== null
const headOf = (doc: ReplicaDoc): string => String(doc['head'])
const bodyOf = (doc: ReplicaDoc): string => String(doc['body'])

/**
 * Notes on the clinic network: `note:<id>` holds the current text, what it is about (a built-in
 * muscle, point or article keeps its id on every computer, so the note lands on the same item),
 * the pin, the bin flag and `head` (the key of the revision it shows); `note-rev:<id>:<key>` holds
 * one revision, never changed once written. Note ids are random UUIDs, so two computers never make
 * the same one. Revisions from elsewhere get the next local number on arrival; drafts stay here.
 */
export class NoteSync implements SharedKind {
  readonly kind = KIND
  private readonly repo: NoteRepo

  constructor(
    private readonly store: SyncStore,
    private readonly notes: NoteTransferDeps,
    private readonly search: SearchIndex
  ) {
    this.repo = notes.repo
  }

  mainId = (id: string): string => `${MAIN}${id}`
  revisionPrefix = (id: string): string => `${REVISION}${id}:`

  itemOf(docId: string): string | null {
    if (docId.startsWith(MAIN)) return docId.slice(MAIN.length)
    if (!docId.startsWith(REVISION)) return null
    const rest = docId.slice(REVISION.length)
    return rest.slice(0, rest.lastIndexOf(':'))
  }

  refusal(itemId: string, doc: ReplicaDoc): string | null {
    return doc._id === this.mainId(itemId)
      ? noteDocRefusal(itemId, doc)
      : noteRevisionRefusal(itemId, doc)
  }

  localDocs(id: string): SharedDoc[] {
    const note = this.repo.get(id)
    if (note === null) return []
    const docs: SharedDoc[] = []
    let head = ''
    for (const revision of this.repo.revisions(id).reverse()) {
      const mapped = this.store.revisionKeyIfAny(KIND, id, revision.revision)
      // Revision documents never change: one already in the replica is not written again.
      if (mapped !== null && this.store.knownRev(`${this.revisionPrefix(id)}${mapped}`) !== null) {
        if (revision.revision === note.revision) head = mapped
        continue
      }
      const key = mapped ?? this.store.revisionKey(KIND, id, revision.revision, null)
      if (revision.revision === note.revision) head = key
      docs.push({
        _id: `${this.revisionPrefix(id)}${key}`,
        type: 'note-revision',
        noteId: id,
        key,
        body: revision.body,
        source: revision.source,
        savedAt: revision.savedAt
      })
    }
    docs.push({
      _id: this.mainId(id),
      type: 'note',
      id,
      targetKind: note.targetKind,
      targetId: note.targetId,
      body: note.body,
      pinned: note.pinned,
      head,
      createdAt: note.createdAt,
      updatedAt: note.updatedAt,
      deletedAt: note.deletedAt
    })
    return docs
  }

  apply(id: string, replica: ReplicaItem, now: string): void {
    const { winner } = replica
    if (winner === null) {
      // Revisions before their note: they are written with it (the rows need the note).
      if (this.repo.get(id) !== null) this.addRevisions(id, replica.revisions, now)
      return
    }
    const flagged = new Set(this.store.conflicts(KIND, id).map((row) => row.docKey))
    const newLosers = replica.losers.filter(
      (doc) => !flagged.has(headOf(doc)) && headOf(doc) !== headOf(winner)
    )
    const shown = shownLeaf(winner, newLosers, isDeleted)
    if (this.repo.get(id) === null) this.repo.insert({ ...rowOf(id, shown, now), revision: 0 })
    this.addRevisions(id, replica.revisions, now)
    for (const leaf of [winner, ...replica.losers]) this.addLeafRevision(id, leaf, now)
    this.keepShownNewest(id, shown, now)
    const row = rowOf(id, shown, now)
    this.repo.updateBody(id, row.body, this.lastRevision(id), row.updatedAt)
    this.repo.setTarget(id, row.targetKind, row.targetId)
    this.repo.setPinned(id, row.pinned)
    this.repo.setDeleted(id, row.deletedAt)
    for (const leaf of [winner, ...newLosers]) {
      if (leaf === shown || isDeleted(leaf) || headOf(leaf) === headOf(shown)) continue
      this.store.addConflict(KIND, id, headOf(leaf), now)
    }
    // The live edit that beat a delete goes back to the replica on top of the winner.
    if (shown !== winner) this.store.enqueue(KIND, id)
    if (row.deletedAt !== null) {
      this.search.remove(KIND, id)
      return
    }
    this.refreshSearch(id)
  }

  /**
   * The note's search entry again (when it is not in the bin): its shown text and, while a
   * conflict is unseen, the other version's words too (so they go once someone has looked).
   */
  refreshSearch(id: string): void {
    this.notes.afterRawWrite(id, this.unseenConflictingBodies(id))
  }

  private unseenConflictingBodies(id: string): string[] {
    return this.store
      .conflicts(KIND, id)
      .filter((conflict) => conflict.seenAt === null)
      .map((conflict) => this.store.localRevision(KIND, id, conflict.docKey))
      .flatMap((revision) => (revision === null ? [] : [this.repo.revision(id, revision)]))
      .flatMap((revision) => (revision === null ? [] : [revision.body]))
  }

  private addRevisions(id: string, revisions: readonly ReplicaDoc[], now: string): void {
    for (const doc of [...revisions].sort(bySavedAt)) {
      const key = String(doc['key'])
      if (this.store.localRevision(KIND, id, key) === null) {
        this.insertRevision(
          id,
          key,
          bodyOf(doc),
          doc['source'] as NoteRevisionRow['source'],
          doc,
          now
        )
      }
      this.store.setKnownRev(doc._id, doc._rev)
    }
  }

  /**
   * The newest local revision is the text shown (the next save follows it): when another
   * computer's revision arrived after the shown one, the shown text is copied as the newest,
   * keyed from its own key so every computer that copies it makes the same revision document.
   */
  private keepShownNewest(id: string, shown: ReplicaDoc, now: string): void {
    const last = this.lastRevision(id)
    const copyKey = `${headOf(shown)}.shown`
    const [own, copy] = [headOf(shown), copyKey].map((key) =>
      this.store.localRevision(KIND, id, key)
    )
    if (own === last || copy === last || copy !== null || own === null) return
    this.insertRevision(id, copyKey, bodyOf(shown), 'user', shown, now)
    // Made while applying (the triggers are quiet): sent like a save.
    this.store.enqueue(KIND, id)
  }

  /** A leaf whose revision document has not arrived yet: its text is the revision. */
  private addLeafRevision(id: string, leaf: ReplicaDoc, now: string): void {
    const key = headOf(leaf)
    if (key === '' || this.store.localRevision(KIND, id, key) !== null) return
    this.insertRevision(id, key, bodyOf(leaf), 'user', leaf, now)
  }

  private insertRevision(
    id: string,
    key: string,
    body: string,
    source: NoteRevisionRow['source'],
    doc: ReplicaDoc,
    now: string
  ): void {
    const revision = this.lastRevision(id) + 1
    const savedAt = (doc['savedAt'] as string | null) ?? (doc['updatedAt'] as string | null) ?? now
    this.repo.addRevision(id, { revision, body, source, savedAt })
    this.store.mapRevision(KIND, id, revision, key)
  }

  private lastRevision(id: string): number {
    return this.repo.revisions(id)[0]?.revision ?? 0
  }
}

/** The note's row as a (checked) main document holds it. */
const rowOf = (id: string, doc: ReplicaDoc, now: string): Omit<NoteRow, 'revision'> => ({
  id,
  targetKind: doc['targetKind'] as NoteRow['targetKind'],
  targetId: doc['targetId'] as string | null,
  body: bodyOf(doc),
  pinned: doc['pinned'] === true,
  createdAt: (doc['createdAt'] as string | null) ?? now,
  updatedAt: (doc['updatedAt'] as string | null) ?? now,
  deletedAt: doc['deletedAt'] as string | null
})
