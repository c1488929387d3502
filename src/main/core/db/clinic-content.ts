import type { Db } from './sqlite'

/**
 * What a library (or a backup of it) holds that the clinic made: the figures the Backups screen
 * and the restore offer show, and what retention weighs so an emptied library cannot push out
 * the last backup that still has the clinic's work (docs/data-safety.md, "Retention").
 */
export interface ClinicContent {
  /** Articles not deleted, built-in and the clinic's own. */
  readonly articles: number
  /** Articles the clinic wrote or edited (any saved revision of its own). */
  readonly clinicArticles: number
  /** Notes not deleted. */
  readonly notes: number
  /** Handouts the clinic wrote or edited (any language). */
  readonly editedHandouts: number
}

/** One number for "how much clinic-made work is in here" (built-in articles count for nothing). */
export const clinicWork = (content: ClinicContent): number =>
  content.clinicArticles + content.notes + content.editedHandouts

/**
 * Counts what the library holds. Works on every schema version a backup may have: a table an
 * older version did not have counts as 0.
 */
export function readClinicContent(db: Db): ClinicContent {
  const tables = new Set(
    (
      db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]
    ).map((row) => row.name)
  )
  const count = (table: string, sql: string): number =>
    tables.has(table) ? ((db.prepare(sql).get() as { n: number }).n ?? 0) : 0
  return {
    articles: count('articles', 'SELECT count(*) AS n FROM articles WHERE deleted_at IS NULL'),
    clinicArticles: count(
      'article_revisions',
      "SELECT count(DISTINCT article_id) AS n FROM article_revisions WHERE source IN ('user', 'restore')"
    ),
    notes: count('notes', 'SELECT count(*) AS n FROM notes WHERE deleted_at IS NULL'),
    editedHandouts: count(
      'handout_versions',
      "SELECT count(DISTINCT handout_id) AS n FROM handout_versions WHERE source = 'user'"
    )
  }
}

/** "12 notes, 3 of your own articles, 2 edited handouts" — for dialogs and the Backups screen. */
export function describeClinicContent(content: ClinicContent): string {
  const parts = [
    plural(content.notes, 'note', 'notes'),
    plural(content.clinicArticles, 'article of your own', 'articles of your own'),
    plural(content.editedHandouts, 'edited handout', 'edited handouts')
  ]
  return `${parts.join(', ')} (${plural(content.articles, 'article', 'articles')} in all)`
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`
