import { randomUUID } from 'node:crypto'
import { ApiError } from '../../../shared/api/errors'
import type {
  DraftRef,
  Note,
  NoteDraft,
  NoteRevision,
  NoteTarget,
  NoteTargetKind
} from '../../../shared/api/notes'
import { isoNow } from '../clock'
import type { Clock } from '../clock'
import type { Db } from '../db/sqlite'
import type { SearchIndex } from '../search/search-index'
import { parseNoteLinks, parseNoteTags } from '../../../shared/api/notes-text'
import type { WriteGuard } from '../write-guard'
import { NoteRepo } from './note-repo'
import type { DraftRow, NoteRow } from './note-repo'
import { noteSearchText, noteTitle } from './note-title'
import type { NoteTransferDeps } from './note-transfer'

export interface NoteServiceDeps {
  readonly db: Db
  readonly clock: Clock
  readonly guard: WriteGuard
  readonly search: SearchIndex
  /** Muscles, trigger points and acupoints (the atlas); articles are looked up here. */
  readonly atlasTitle: (
    kind: 'muscle' | 'trigger-point' | 'acupoint',
    id: string
  ) => { title: string; parentId: string | null } | null
  /** Note ids; tests pass a counter. */
  readonly newId?: () => string
}

/**
 * Practitioner notes: markdown, attached to an item or standing alone; every save is a revision;
 * drafts are kept as they are typed so nothing is lost to a crash or an accidental close. Notes are
 * in the one search index (kind 'note', with the item they belong to as parent).
 */
export class NoteService {
  readonly repo: NoteRepo
  private readonly newId: () => string

  constructor(private readonly deps: NoteServiceDeps) {
    this.repo = new NoteRepo(deps.db)
    this.newId = deps.newId ?? randomUUID
  }

  private resolve(kind: NoteTargetKind, id: string) {
    if (kind === 'article') {
      const title = this.repo.articleTitle(id)
      return title === null ? null : { title, parentId: null }
    }
    return this.deps.atlasTitle(kind, id)
  }

  private toNote(row: NoteRow): Note {
    let target: Note['target'] = null
    if (row.targetKind !== null && row.targetId !== null) {
      const found = this.resolve(row.targetKind, row.targetId)
      target = {
        kind: row.targetKind,
        id: row.targetId,
        title: found?.title ?? row.targetId,
        parentId: found?.parentId ?? null,
        exists: found !== null
      }
    }
    return {
      id: row.id,
      target,
      title: noteTitle(row.body),
      body: row.body,
      tags: parseNoteTags(row.body),
      links: this.resolveLinks(row.body),
      pinned: row.pinned,
      revision: row.revision,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt
    }
  }

  /**
   * The text's links, each once, looked up in the one search: a link whose item is gone (or was
   * never there) is kept, marked missing, with the label written in the note as its title.
   */
  private resolveLinks(body: string): Note['links'] {
    const seen = new Set<string>()
    const links: Note['links'] = []
    for (const link of parseNoteLinks(body)) {
      const key = `${link.kind}:${link.id}`
      if (seen.has(key)) continue
      seen.add(key)
      const found = this.deps.search.find(link.kind, link.id)
      links.push({
        kind: link.kind,
        id: link.id,
        title: found?.title ?? link.label,
        parent: found?.parent ?? null,
        exists: found !== null
      })
    }
    return links
  }

  private require(id: string): NoteRow {
    const row = this.repo.get(id)
    if (!row || row.deletedAt !== null) throw new ApiError('not_found', 'This note does not exist.')
    return row
  }

  /** `otherBodies`: texts the entry also holds (another computer's version, until it is seen). */
  private index(note: Note, otherBodies: readonly string[] = []): void {
    this.deps.search.upsert({
      kind: 'note',
      id: note.id,
      title: note.title,
      body: [note.body, ...otherBodies].map(noteSearchText).join('\n'),
      tags: note.tags,
      parent: note.target
        ? { kind: note.target.kind, id: note.target.id, title: note.target.title }
        : null
    })
  }

  list(filter: { targets?: NoteTarget[]; standalone?: boolean }): Note[] {
    return this.repo.list(filter).map((row) => this.toNote(row))
  }

  get(id: string): Note {
    return this.toNote(this.require(id))
  }

  create(input: { target: NoteTarget | null; body: string; pinned?: boolean }): Note {
    this.deps.guard.assertWritable()
    if (input.target && this.resolve(input.target.kind, input.target.id) === null) {
      throw new ApiError('not_found', 'The item this note is for is not in the library.')
    }
    const id = this.newId()
    const now = isoNow(this.deps.clock)
    this.deps.db.transaction(() => {
      this.repo.insert({
        id,
        targetKind: input.target?.kind ?? null,
        targetId: input.target?.id ?? null,
        body: input.body,
        pinned: input.pinned ?? false,
        revision: 1,
        createdAt: now,
        updatedAt: now
      })
      this.repo.addRevision(id, { revision: 1, body: input.body, source: 'user', savedAt: now })
      this.index(this.get(id))
      this.repo.deleteDraft(draftKey({ target: input.target }))
    })()
    return this.get(id)
  }

  update(input: { id: string; body: string; baseRevision: number }): Note {
    this.deps.guard.assertWritable()
    const current = this.require(input.id)
    if (current.revision !== input.baseRevision) {
      throw new ApiError(
        'conflict',
        `This note was saved elsewhere in the meantime (now revision ${current.revision}). ` +
          'Your text is kept as a draft: copy it, reload the note, and save again.'
      )
    }
    this.deps.db.transaction(() => {
      if (input.body !== current.body) this.saveRevision(current, input.body, 'user')
      this.repo.deleteDraft(draftKey({ noteId: input.id }))
    })()
    return this.get(input.id)
  }

  /** Whole-library export and import (transfer module): see note-transfer.ts. */
  transfer(): NoteTransferDeps {
    return {
      db: this.deps.db,
      repo: this.repo,
      saveRevision: (id, body) => {
        const current = this.repo.get(id)
        if (!current) return
        // As saveRevision, also for a note in the bin (which stays out of the search index).
        const now = isoNow(this.deps.clock)
        const revision = this.repo.newestRevision(id) + 1
        this.repo.updateBody(id, body, revision, now)
        this.repo.addRevision(id, {
          revision,
          body,
          source: 'user',
          savedAt: now
        })
        this.indexIfLive(id)
      },
      afterRawWrite: (id, otherBodies) => this.indexIfLive(id, otherBodies)
    }
  }

  private indexIfLive(id: string, otherBodies?: readonly string[]): void {
    const row = this.repo.get(id)
    if (row && row.deletedAt === null) this.index(this.toNote(row), otherBodies)
  }

  private saveRevision(current: NoteRow, body: string, source: 'user' | 'restore'): void {
    const now = isoNow(this.deps.clock)
    const revision = this.repo.newestRevision(current.id) + 1
    this.repo.updateBody(current.id, body, revision, now)
    this.repo.addRevision(current.id, { revision, body, source, savedAt: now })
    this.index(this.get(current.id))
  }

  /** Attaches the note to an item, or detaches it (null); the text and revisions stay as they are. */
  setTarget(id: string, target: NoteTarget | null): Note {
    this.deps.guard.assertWritable()
    this.require(id)
    if (target && this.resolve(target.kind, target.id) === null) {
      throw new ApiError('not_found', 'The item to attach this note to is not in the library.')
    }
    this.deps.db.transaction(() => {
      this.repo.setTarget(id, target?.kind ?? null, target?.id ?? null)
      this.index(this.get(id))
    })()
    return this.get(id)
  }

  setPinned(id: string, pinned: boolean): Note {
    this.deps.guard.assertWritable()
    this.require(id)
    this.repo.setPinned(id, pinned)
    return this.get(id)
  }

  delete(id: string): { id: string; deletedAt: string } {
    this.deps.guard.assertWritable()
    this.require(id)
    const deletedAt = isoNow(this.deps.clock)
    this.deps.db.transaction(() => {
      this.repo.setDeleted(id, deletedAt)
      this.deps.search.remove('note', id)
    })()
    return { id, deletedAt }
  }

  undelete(id: string): Note {
    this.deps.guard.assertWritable()
    const row = this.repo.get(id)
    if (!row) throw new ApiError('not_found', 'This note does not exist.')
    this.deps.db.transaction(() => {
      this.repo.setDeleted(id, null)
      this.index(this.get(id))
    })()
    return this.get(id)
  }

  revisions(id: string): NoteRevision[] {
    this.require(id)
    return this.repo.revisions(id).map((r) => ({ ...r, title: noteTitle(r.body) }))
  }

  restoreRevision(id: string, revision: number): Note {
    this.deps.guard.assertWritable()
    const current = this.require(id)
    const old = this.repo.revision(id, revision)
    if (!old) throw new ApiError('not_found', `Revision ${revision} of this note does not exist.`)
    if (old.body !== current.body) {
      this.deps.db.transaction(() => this.saveRevision(current, old.body, 'restore'))()
    }
    return this.get(id)
  }

  saveDraft(input: DraftRef & { body: string; baseRevision?: number | null }): {
    savedAt: string
  } {
    this.deps.guard.assertWritable()
    const key = draftKey(input)
    const savedAt = isoNow(this.deps.clock)
    // A new note cleared back to nothing is no draft at all.
    if (input.noteId === undefined && input.body.trim() === '') {
      this.repo.deleteDraft(key)
      return { savedAt }
    }
    this.repo.putDraft({
      key,
      noteId: input.noteId ?? null,
      targetKind: input.noteId === undefined ? (input.target?.kind ?? null) : null,
      targetId: input.noteId === undefined ? (input.target?.id ?? null) : null,
      body: input.body,
      baseRevision: input.baseRevision ?? null,
      savedAt
    })
    return { savedAt }
  }

  getDraft(ref: DraftRef): NoteDraft | null {
    const row = this.repo.draft(draftKey(ref))
    return row ? toDraft(row) : null
  }

  discardDraft(ref: DraftRef): { ok: true } {
    this.deps.guard.assertWritable()
    this.repo.deleteDraft(draftKey(ref))
    return { ok: true }
  }

  drafts(): NoteDraft[] {
    return this.repo.drafts().map(toDraft)
  }
}

/** One draft per place: 'note:<id>' for an existing note, 'new:<kind>:<id>' or 'new' otherwise. */
export function draftKey(ref: DraftRef): string {
  if (ref.noteId !== undefined) return `note:${ref.noteId}`
  if (ref.target) return `new:${ref.target.kind}:${ref.target.id}`
  return 'new'
}

const toDraft = (row: DraftRow): NoteDraft => ({
  noteId: row.noteId,
  target:
    row.targetKind !== null && row.targetId !== null
      ? { kind: row.targetKind, id: row.targetId }
      : null,
  body: row.body,
  baseRevision: row.baseRevision,
  savedAt: row.savedAt
})
