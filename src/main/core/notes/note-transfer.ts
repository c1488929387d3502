import type { ExportedNote } from '../../../shared/api/transfer'
import type { Db } from '../db/sqlite'
import type { NoteRepo } from './note-repo'

export type NoteImportAction = 'add' | 'unchanged' | 'conflict'

export interface NoteTransferDeps {
  readonly db: Db
  readonly repo: NoteRepo
  /** Saves `body` as the note's next revision through the service (search included). */
  readonly saveRevision: (id: string, body: string) => void
  /**
   * Puts a note written row by row into the search index (when it is not in the bin), with
   * `otherBodies` as more words of its entry (the clinic network's unseen conflicting versions).
   */
  readonly afterRawWrite: (id: string, otherBodies?: readonly string[]) => void
}

/** Every note, in the bin too, each with every revision, oldest first. Drafts are not exported. */
export function exportNotes(deps: NoteTransferDeps): ExportedNote[] {
  const ids = deps.db.prepare('SELECT id FROM notes ORDER BY created_at, id').all() as {
    id: string
  }[]
  const exported: ExportedNote[] = []
  for (const { id } of ids) {
    const note = deps.repo.get(id)
    if (!note) continue
    exported.push({
      id: note.id,
      targetKind: note.targetKind,
      targetId: note.targetId,
      body: note.body,
      pinned: note.pinned,
      revision: note.revision,
      createdAt: note.createdAt,
      updatedAt: note.updatedAt,
      deletedAt: note.deletedAt,
      revisions: deps.repo
        .revisions(id)
        .reverse()
        .map((r) => ({ revision: r.revision, body: r.body, source: r.source, savedAt: r.savedAt }))
    })
  }
  return exported
}

export function planNote(deps: NoteTransferDeps, note: ExportedNote): NoteImportAction {
  const local = deps.repo.get(note.id)
  if (!local) return 'add'
  return local.body === note.body ? 'unchanged' : 'conflict'
}

/**
 * Applies one note inside the import's transaction: a new note exactly as exported (revisions,
 * times, pin, bin); a note with another text here gets the imported text as its next revision.
 */
export function importNote(deps: NoteTransferDeps, note: ExportedNote): NoteImportAction {
  const action = planNote(deps, note)
  if (action === 'unchanged') return action
  if (action === 'conflict') {
    deps.saveRevision(note.id, note.body)
    return action
  }
  deps.repo.insert({
    id: note.id,
    targetKind: note.targetKind,
    targetId: note.targetId,
    body: note.body,
    pinned: note.pinned,
    revision: note.revision,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt
  })
  if (note.deletedAt !== null) deps.repo.setDeleted(note.id, note.deletedAt)
  for (const revision of note.revisions) deps.repo.addRevision(note.id, revision)
  deps.afterRawWrite(note.id)
  return action
}
