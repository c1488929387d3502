import type { NoteTargetKind } from '../../../shared/api/notes'
import type { Db } from '../db/sqlite'
import { StatementCache } from '../db/statements'

export interface NoteRow {
  readonly id: string
  readonly targetKind: NoteTargetKind | null
  readonly targetId: string | null
  readonly body: string
  readonly pinned: boolean
  readonly revision: number
  readonly createdAt: string
  readonly updatedAt: string
  readonly deletedAt: string | null
}

export interface NoteRevisionRow {
  readonly revision: number
  readonly body: string
  readonly source: 'user' | 'restore'
  readonly savedAt: string
}

export interface DraftRow {
  readonly key: string
  readonly noteId: string | null
  readonly targetKind: NoteTargetKind | null
  readonly targetId: string | null
  readonly body: string
  readonly baseRevision: number | null
  readonly savedAt: string
}

export interface NoteListFilter {
  readonly targets?: readonly { kind: string; id: string }[]
  readonly standalone?: boolean
}

/**
 * The list query. The notes of given items are looked up through the (target_kind, target_id)
 * index with a row-value IN, not by scanning every note.
 */
export function noteListSql(filter: NoteListFilter): string {
  const where = ['deleted_at IS NULL']
  if (filter.standalone) where.push('target_kind IS NULL')
  if (filter.targets) {
    where.push(
      `(target_kind, target_id) IN (SELECT json_extract(value, '$.kind'),
         json_extract(value, '$.id') FROM json_each(@targets))`
    )
  }
  return `SELECT ${NOTE_COLUMNS} FROM notes WHERE ${where.join(' AND ')}
    ORDER BY pinned DESC, updated_at DESC, id`
}

const NOTE_COLUMNS = `id, target_kind AS targetKind, target_id AS targetId, body, pinned, revision,
  created_at AS createdAt, updated_at AS updatedAt, deleted_at AS deletedAt`

const DRAFT_COLUMNS = `key, note_id AS noteId, target_kind AS targetKind, target_id AS targetId,
  body, base_revision AS baseRevision, saved_at AS savedAt`

type RawNote = Omit<NoteRow, 'pinned'> & { pinned: number }
const toNote = (row: RawNote): NoteRow => ({ ...row, pinned: row.pinned === 1 })

/** The only SQL of notes: notes, their revisions and drafts. */
export class NoteRepo {
  private readonly s: StatementCache

  constructor(db: Db) {
    this.s = new StatementCache(db)
  }

  get(id: string): NoteRow | null {
    const row = this.s.sql(`SELECT ${NOTE_COLUMNS} FROM notes WHERE id = ?`).get(id) as
      RawNote | undefined
    return row ? toNote(row) : null
  }

  /** Live notes, pinned first, then the most recently updated. */
  list(filter: NoteListFilter): NoteRow[] {
    const params: Record<string, string> = {}
    if (filter.targets) {
      params.targets = JSON.stringify(filter.targets.map((t) => ({ kind: t.kind, id: t.id })))
    }
    return (this.s.sql(noteListSql(filter)).all(params) as RawNote[]).map(toNote)
  }

  insert(note: Omit<NoteRow, 'deletedAt'>): void {
    this.s
      .sql(
        `INSERT INTO notes (id, target_kind, target_id, body, pinned, revision, created_at,
           updated_at) VALUES (@id, @targetKind, @targetId, @body, @pinned, @revision, @createdAt,
           @updatedAt)`
      )
      .run({ ...note, pinned: note.pinned ? 1 : 0 })
  }

  updateBody(id: string, body: string, revision: number, updatedAt: string): void {
    this.s
      .sql('UPDATE notes SET body = ?, revision = ?, updated_at = ? WHERE id = ?')
      .run(body, revision, updatedAt, id)
  }

  setTarget(id: string, kind: NoteTargetKind | null, targetId: string | null): void {
    this.s
      .sql('UPDATE notes SET target_kind = ?, target_id = ? WHERE id = ?')
      .run(kind, targetId, id)
  }

  setPinned(id: string, pinned: boolean): void {
    this.s.sql('UPDATE notes SET pinned = ? WHERE id = ?').run(pinned ? 1 : 0, id)
  }

  setDeleted(id: string, deletedAt: string | null): void {
    this.s.sql('UPDATE notes SET deleted_at = ? WHERE id = ?').run(deletedAt, id)
  }

  addRevision(noteId: string, rev: NoteRevisionRow): void {
    this.s
      .sql(
        'INSERT INTO note_revisions (note_id, revision, body, source, saved_at) VALUES (?, ?, ?, ?, ?)'
      )
      .run(noteId, rev.revision, rev.body, rev.source, rev.savedAt)
  }

  /**
   * The highest revision number the note has (0 with none). A save takes the next one: the note's
   * own `revision` names the text shown, which after a clinic-network conflict can be an older
   * number than a version kept from another computer (docs/clinic-network.md).
   */
  newestRevision(noteId: string): number {
    const found = this.s
      .sql('SELECT MAX(revision) FROM note_revisions WHERE note_id = ?')
      .pluck()
      .get(noteId) as number | null
    return found ?? 0
  }

  revisions(noteId: string): NoteRevisionRow[] {
    return this.s
      .sql(
        `SELECT revision, body, source, saved_at AS savedAt FROM note_revisions
         WHERE note_id = ? ORDER BY revision DESC`
      )
      .all(noteId) as NoteRevisionRow[]
  }

  revision(noteId: string, revision: number): NoteRevisionRow | null {
    const row = this.s
      .sql(
        `SELECT revision, body, source, saved_at AS savedAt FROM note_revisions
         WHERE note_id = ? AND revision = ?`
      )
      .get(noteId, revision) as NoteRevisionRow | undefined
    return row ?? null
  }

  draft(key: string): DraftRow | null {
    const row = this.s.sql(`SELECT ${DRAFT_COLUMNS} FROM note_drafts WHERE key = ?`).get(key) as
      DraftRow | undefined
    return row ?? null
  }

  drafts(): DraftRow[] {
    return this.s
      .sql(`SELECT ${DRAFT_COLUMNS} FROM note_drafts ORDER BY saved_at DESC`)
      .all() as DraftRow[]
  }

  putDraft(draft: DraftRow): void {
    this.s
      .sql(
        `INSERT INTO note_drafts (key, note_id, target_kind, target_id, body, base_revision,
           saved_at) VALUES (@key, @noteId, @targetKind, @targetId, @body, @baseRevision, @savedAt)
         ON CONFLICT (key) DO UPDATE SET body = excluded.body,
           base_revision = excluded.base_revision, saved_at = excluded.saved_at`
      )
      .run(draft)
  }

  deleteDraft(key: string): void {
    this.s.sql('DELETE FROM note_drafts WHERE key = ?').run(key)
  }

  /** An article's title, or null when there is none (or it is in the bin). */
  articleTitle(id: string): string | null {
    const row = this.s
      .sql('SELECT title FROM articles WHERE id = ? AND deleted_at IS NULL')
      .get(id) as { title: string } | undefined
    return row?.title ?? null
  }
}
