import type { NoteRevisionRow, NoteRow } from '../notes/note-repo'
import type { NoteRepo } from '../notes/note-repo'
import type { NoteTransferDeps } from '../notes/note-transfer'
import type { SearchIndex } from '../search/search-index'
import { noteDocRefusal, noteRevisionRefusal } from './note-docs'
import type { ReplicaDoc, SharedDoc } from './replica-docs'
import { RevisionHistory, itemOfDoc } from './revision-history'
import type { ReplicaItem, SharedKind } from './shared-kind'
import type { SyncStore } from './sync-store'

const KIND = 'note'
const MAIN = 'note:'
const REVISION = 'note-rev:'

const isDeleted = (doc: ReplicaDoc): boolean => doc['deletedAt'] !== null
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
  private readonly history: RevisionHistory<string, NoteRevisionRow['source']>

  constructor(
    store: SyncStore,
    private readonly notes: NoteTransferDeps,
    private readonly search: SearchIndex
  ) {
    const repo = notes.repo
    this.repo = repo
    this.history = new RevisionHistory(KIND, this.revisionPrefix, store, {
      newest: (id) => repo.newestRevision(id),
      insert: (id, revision, body, source, savedAt) =>
        repo.addRevision(id, { revision, body, source, savedAt }),
      textOf: bodyOf,
      leafSource: () => 'user',
      isDeleted
    })
  }

  mainId = (id: string): string => `${MAIN}${id}`
  revisionPrefix = (id: string): string => `${REVISION}${id}:`
  itemOf = (docId: string): string | null => itemOfDoc(docId, MAIN, REVISION)

  refusal(itemId: string, doc: ReplicaDoc): string | null {
    return doc._id === this.mainId(itemId)
      ? noteDocRefusal(itemId, doc)
      : noteRevisionRefusal(itemId, doc)
  }

  localDocs(id: string): SharedDoc[] {
    const note = this.repo.get(id)
    if (note === null) return []
    const revisions = this.repo.revisions(id).reverse()
    const { docs, head } = this.history.unsent(
      id,
      revisions.map((revision) => revision.revision),
      note.revision,
      (number) => {
        const revision = revisions.find((row) => row.revision === number)
        if (revision === undefined) return null
        const { body, source, savedAt } = revision
        return {
          shippedKey: null,
          fields: { type: 'note-revision', noteId: id, body, source, savedAt }
        }
      }
    )
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
      if (this.repo.get(id) !== null) this.history.addRevisions(id, replica.revisions, now)
      return
    }
    const shown = this.history.choose(id, winner, replica.losers)
    if (this.repo.get(id) === null) this.repo.insert({ ...rowOf(id, shown, now), revision: 0 })
    this.history.addAll(id, [winner, ...replica.losers], replica.revisions, now)
    const row = rowOf(id, shown, now)
    this.repo.updateBody(id, row.body, this.history.shownRevision(id, shown), row.updatedAt)
    this.repo.setTarget(id, row.targetKind, row.targetId)
    this.repo.setPinned(id, row.pinned)
    this.repo.setDeleted(id, row.deletedAt)
    this.history.keepConflicts(id, winner, replica.losers, shown, now)
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
    const unseen = this.history
      .unseenConflicts(id)
      .flatMap((revision) => this.repo.revision(id, revision)?.body ?? [])
    this.notes.afterRawWrite(id, unseen)
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
