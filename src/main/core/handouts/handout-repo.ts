import type { Db } from '../db/sqlite'
import type { ReviewStatus } from '../../../shared/api/handouts'

/** The only place with handout SQL. Takes and returns plain values. */
export interface HandoutTextRow {
  readonly handoutId: string
  readonly lang: string
  readonly version: number
  readonly title: string
  readonly summary: string
  readonly body: string
  readonly referencesJson: string
  readonly reviewStatus: ReviewStatus
  readonly approvedBy: string | null
  readonly approvedOn: string | null
  readonly textHash: string
  readonly isBuiltin: boolean
  readonly updatedAt: string
}

export interface HandoutVersionRow {
  readonly handoutId: string
  readonly lang: string
  readonly version: number
  readonly title: string
  readonly summary: string
  readonly body: string
  readonly reviewStatus: ReviewStatus
  readonly approvedBy: string | null
  readonly approvedOn: string | null
  readonly source: 'builtin' | 'user' | 'reset' | 'upgrade'
  readonly savedAt: string
}

interface RawText {
  handout_id: string
  lang: string
  version: number
  title: string
  summary: string
  body: string
  references_json: string
  review_status: ReviewStatus
  approved_by: string | null
  approved_on: string | null
  text_hash: string
  is_builtin: number
  updated_at: string
}

interface RawVersion {
  handout_id: string
  lang: string
  version: number
  title: string
  summary: string
  body: string
  review_status: ReviewStatus
  approved_by: string | null
  approved_on: string | null
  source: HandoutVersionRow['source']
  saved_at: string
}

const toText = (r: RawText): HandoutTextRow => ({
  handoutId: r.handout_id,
  lang: r.lang,
  version: r.version,
  title: r.title,
  summary: r.summary,
  body: r.body,
  referencesJson: r.references_json,
  reviewStatus: r.review_status,
  approvedBy: r.approved_by,
  approvedOn: r.approved_on,
  textHash: r.text_hash,
  isBuiltin: r.is_builtin === 1,
  updatedAt: r.updated_at
})

const toVersion = (r: RawVersion): HandoutVersionRow => ({
  handoutId: r.handout_id,
  lang: r.lang,
  version: r.version,
  title: r.title,
  summary: r.summary,
  body: r.body,
  reviewStatus: r.review_status,
  approvedBy: r.approved_by,
  approvedOn: r.approved_on,
  source: r.source,
  savedAt: r.saved_at
})

export class HandoutRepo {
  constructor(private readonly db: Db) {}

  handoutExists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM handouts WHERE id = ?').get(id) !== undefined
  }

  isBuiltinHandout(id: string): boolean {
    const row = this.db.prepare('SELECT is_builtin FROM handouts WHERE id = ?').get(id) as
      { is_builtin: number } | undefined
    return row?.is_builtin === 1
  }

  insertHandout(id: string, isBuiltin: boolean, now: string): void {
    this.db
      .prepare('INSERT INTO handouts (id, is_builtin, created_at) VALUES (?, ?, ?)')
      .run(id, isBuiltin ? 1 : 0, now)
  }

  markHandoutBuiltin(id: string): void {
    this.db.prepare('UPDATE handouts SET is_builtin = 1 WHERE id = ?').run(id)
  }

  allTexts(): HandoutTextRow[] {
    return (
      this.db.prepare('SELECT * FROM handout_texts ORDER BY handout_id, lang').all() as RawText[]
    ).map(toText)
  }

  textsOf(id: string): HandoutTextRow[] {
    return (
      this.db
        .prepare('SELECT * FROM handout_texts WHERE handout_id = ? ORDER BY lang')
        .all(id) as RawText[]
    ).map(toText)
  }

  text(id: string, lang: string): HandoutTextRow | null {
    const row = this.db
      .prepare('SELECT * FROM handout_texts WHERE handout_id = ? AND lang = ?')
      .get(id, lang) as RawText | undefined
    return row === undefined ? null : toText(row)
  }

  version(id: string, lang: string, version: number): HandoutVersionRow | null {
    const row = this.db
      .prepare('SELECT * FROM handout_versions WHERE handout_id = ? AND lang = ? AND version = ?')
      .get(id, lang, version) as RawVersion | undefined
    return row === undefined ? null : toVersion(row)
  }

  /**
   * The highest version number of a handout text (0 with none). A save takes the next one: the
   * text's own `version` names the one shown, which after a clinic-network conflict can be an
   * older number than a version kept from another computer (docs/clinic-network.md).
   */
  newestVersion(id: string, lang: string): number {
    const found = this.db
      .prepare('SELECT MAX(version) FROM handout_versions WHERE handout_id = ? AND lang = ?')
      .pluck()
      .get(id, lang) as number | null
    return found ?? 0
  }

  versions(id: string, lang: string): HandoutVersionRow[] {
    return (
      this.db
        .prepare(
          'SELECT * FROM handout_versions WHERE handout_id = ? AND lang = ? ORDER BY version DESC'
        )
        .all(id, lang) as RawVersion[]
    ).map(toVersion)
  }

  /** Writes the current text and appends it as a new version (both or neither: caller's transaction). */
  writeText(row: HandoutTextRow, source: HandoutVersionRow['source']): void {
    this.putText(row)
    this.insertVersion({ ...row, source, savedAt: row.updatedAt })
  }

  /** The current text of a handout in one language (insert or replace). */
  putText(row: HandoutTextRow): void {
    this.db
      .prepare(
        `INSERT INTO handout_texts (handout_id, lang, version, title, summary, body, references_json,
           review_status, approved_by, approved_on, text_hash, is_builtin, updated_at)
         VALUES (@handoutId, @lang, @version, @title, @summary, @body, @referencesJson,
           @reviewStatus, @approvedBy, @approvedOn, @textHash, @isBuiltin, @updatedAt)
         ON CONFLICT (handout_id, lang) DO UPDATE SET
           version = excluded.version, title = excluded.title, summary = excluded.summary,
           body = excluded.body, references_json = excluded.references_json,
           review_status = excluded.review_status, approved_by = excluded.approved_by,
           approved_on = excluded.approved_on, text_hash = excluded.text_hash,
           is_builtin = excluded.is_builtin, updated_at = excluded.updated_at`
      )
      .run({ ...row, isBuiltin: row.isBuiltin ? 1 : 0 })
  }

  /** One saved version, as it was (the whole-library import writes each exported version). */
  insertVersion(row: HandoutVersionRow): void {
    this.db
      .prepare(
        `INSERT INTO handout_versions (handout_id, lang, version, title, summary, body,
           review_status, approved_by, approved_on, source, saved_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
        row.handoutId,
        row.lang,
        row.version,
        row.title,
        row.summary,
        row.body,
        row.reviewStatus,
        row.approvedBy,
        row.approvedOn,
        row.source,
        row.savedAt
      )
  }

  /** Ids of the handouts the clinic hides from the front desk. */
  hiddenIds(): Set<string> {
    const rows = this.db.prepare('SELECT handout_id FROM hidden_handouts').all() as {
      handout_id: string
    }[]
    return new Set(rows.map((r) => r.handout_id))
  }

  isHidden(id: string): boolean {
    return (
      this.db.prepare('SELECT 1 FROM hidden_handouts WHERE handout_id = ?').get(id) !== undefined
    )
  }

  /** When the handout was hidden from the front desk, or null while it is shown there. */
  hiddenAt(id: string): string | null {
    const row = this.db
      .prepare('SELECT hidden_at FROM hidden_handouts WHERE handout_id = ?')
      .get(id) as { hidden_at: string } | undefined
    return row?.hidden_at ?? null
  }

  /** Hiding twice keeps the first time; showing a handout that is shown changes nothing. */
  setHidden(id: string, hidden: boolean, now: string): void {
    if (hidden) {
      this.db
        .prepare(
          'INSERT INTO hidden_handouts (handout_id, hidden_at) VALUES (?, ?) ON CONFLICT DO NOTHING'
        )
        .run(id, now)
    } else {
      this.db.prepare('DELETE FROM hidden_handouts WHERE handout_id = ?').run(id)
    }
  }

  /** Sign-off of one version: recorded on the version, and on the current text if it is that one. */
  setApproval(id: string, lang: string, version: number, by: string, on: string): void {
    this.db
      .prepare(
        `UPDATE handout_versions SET review_status = 'approved', approved_by = ?, approved_on = ?
         WHERE handout_id = ? AND lang = ? AND version = ?`
      )
      .run(by, on, id, lang, version)
    this.db
      .prepare(
        `UPDATE handout_texts SET review_status = 'approved', approved_by = ?, approved_on = ?
         WHERE handout_id = ? AND lang = ? AND version = ?`
      )
      .run(by, on, id, lang, version)
  }
}
