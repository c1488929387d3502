import type { ArticleCategory, RevisionSummary } from '../../../shared/api/articles'
import type { Reference } from '../../../shared/api/common'
import type { Db } from '../db/sqlite'
import { StatementCache } from '../db/statements'
import type { ArticleText } from './article-text'
import { tagKey } from './article-text'

export type RevisionSource = RevisionSummary['source']

/** An article row as stored (the current revision's text plus bookkeeping). */
export interface ArticleRecord extends ArticleText {
  readonly id: string
  readonly tags: readonly string[]
  readonly references: readonly Reference[]
  readonly textHash: string
  readonly revision: number
  readonly createdAt: string
  readonly updatedAt: string
  readonly deletedAt: string | null
}

/** What lists show: no body or references. */
export type ArticleListRecord = Omit<ArticleRecord, 'body' | 'references'>

export interface RevisionRecord extends ArticleText {
  readonly revision: number
  readonly source: RevisionSource
  readonly savedAt: string
}

export interface ArticleListFilter {
  readonly category?: ArticleCategory | undefined
  readonly tag?: string | undefined
  readonly includeDeleted?: boolean | undefined
}

export interface LinkedArticle {
  readonly id: string
  readonly title: string
}

interface ArticleRow {
  id: string
  title: string
  category: ArticleCategory
  summary: string
  body?: string
  tags_json: string
  references_json?: string
  text_hash: string
  revision: number
  created_at: string
  updated_at: string
  deleted_at: string | null
}

interface RevisionRow {
  revision: number
  title: string
  category: ArticleCategory
  summary: string
  body: string
  tags_json: string
  source: RevisionSource
  saved_at: string
}

const LIST_COLUMNS =
  'id, title, category, summary, tags_json, text_hash, revision, created_at, updated_at, deleted_at'

/** The only place with SQL for articles, their revisions, tags and links. */
export class ArticleRepo {
  private readonly statements: StatementCache

  constructor(db: Db) {
    this.statements = new StatementCache(db)
  }

  find(id: string): ArticleRecord | null {
    const row = this.statements
      .sql(`SELECT ${LIST_COLUMNS}, body, references_json FROM articles WHERE id = ?`)
      .get(id) as ArticleRow | undefined
    return row ? toRecord(row) : null
  }

  exists(id: string): boolean {
    return this.statements.sql('SELECT 1 FROM articles WHERE id = ?').get(id) !== undefined
  }

  list(filter: ArticleListFilter): ArticleListRecord[] {
    const rows = this.statements
      .sql(
        `SELECT ${LIST_COLUMNS} FROM articles AS a
         WHERE (@includeDeleted = 1 OR a.deleted_at IS NULL)
           AND (@category IS NULL OR a.category = @category)
           AND (@tagKey IS NULL OR EXISTS (
             SELECT 1 FROM article_tags AS t WHERE t.article_id = a.id AND t.tag_key = @tagKey))
         ORDER BY a.title COLLATE NOCASE, a.id`
      )
      .all({
        includeDeleted: filter.includeDeleted === true ? 1 : 0,
        category: filter.category ?? null,
        tagKey: filter.tag !== undefined && filter.tag.trim() !== '' ? tagKey(filter.tag) : null
      }) as ArticleRow[]
    return rows.map(toListRecord)
  }

  /** Writes the article row (insert or replace of every column). */
  save(record: ArticleRecord): void {
    this.statements
      .sql(
        `INSERT INTO articles (id, title, category, summary, body, tags_json, references_json,
           text_hash, revision, created_at, updated_at, deleted_at)
         VALUES (@id, @title, @category, @summary, @body, @tagsJson, @referencesJson, @textHash,
           @revision, @createdAt, @updatedAt, @deletedAt)
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, category = excluded.category,
           summary = excluded.summary, body = excluded.body, tags_json = excluded.tags_json,
           references_json = excluded.references_json, text_hash = excluded.text_hash,
           revision = excluded.revision, updated_at = excluded.updated_at,
           deleted_at = excluded.deleted_at`
      )
      .run({
        id: record.id,
        title: record.title,
        category: record.category,
        summary: record.summary,
        body: record.body,
        tagsJson: JSON.stringify(record.tags),
        referencesJson: JSON.stringify(record.references),
        textHash: record.textHash,
        revision: record.revision,
        createdAt: record.createdAt,
        updatedAt: record.updatedAt,
        deletedAt: record.deletedAt
      })
  }

  setDeletedAt(id: string, deletedAt: string | null): void {
    this.statements.sql('UPDATE articles SET deleted_at = ? WHERE id = ?').run(deletedAt, id)
  }

  insertRevision(articleId: string, revision: RevisionRecord): void {
    this.statements
      .sql(
        `INSERT INTO article_revisions (article_id, revision, title, category, summary, body,
           tags_json, source, saved_at)
         VALUES (@articleId, @revision, @title, @category, @summary, @body, @tagsJson, @source,
           @savedAt)`
      )
      .run({
        articleId,
        revision: revision.revision,
        title: revision.title,
        category: revision.category,
        summary: revision.summary,
        body: revision.body,
        tagsJson: JSON.stringify(revision.tags),
        source: revision.source,
        savedAt: revision.savedAt
      })
  }

  /**
   * The highest revision number the article has (0 with none). A save takes the next one: the
   * article's own `revision` names the text shown, which after a clinic-network conflict can be
   * an older number than a version kept from another computer (docs/clinic-network.md).
   */
  newestRevision(articleId: string): number {
    const found = this.statements
      .sql('SELECT MAX(revision) FROM article_revisions WHERE article_id = ?')
      .pluck()
      .get(articleId) as number | null
    return found ?? 0
  }

  /** Newest first. */
  listRevisions(articleId: string): RevisionSummary[] {
    return this.statements
      .sql(
        `SELECT revision, title, saved_at AS savedAt, source FROM article_revisions
         WHERE article_id = ? ORDER BY revision DESC`
      )
      .all(articleId) as RevisionSummary[]
  }

  findRevision(articleId: string, revision: number): RevisionRecord | null {
    const row = this.statements
      .sql(
        `SELECT revision, title, category, summary, body, tags_json, source, saved_at
         FROM article_revisions WHERE article_id = ? AND revision = ?`
      )
      .get(articleId, revision) as RevisionRow | undefined
    if (!row) return null
    return {
      revision: row.revision,
      title: row.title,
      category: row.category,
      summary: row.summary,
      body: row.body,
      tags: JSON.parse(row.tags_json) as string[],
      source: row.source,
      savedAt: row.saved_at
    }
  }

  replaceTags(articleId: string, tags: readonly string[]): void {
    this.statements.sql('DELETE FROM article_tags WHERE article_id = ?').run(articleId)
    const insert = this.statements.sql(
      'INSERT OR IGNORE INTO article_tags (article_id, tag_key, tag) VALUES (?, ?, ?)'
    )
    for (const tag of tags) insert.run(articleId, tagKey(tag), tag)
  }

  /** Tags of the articles not in the bin, most used first. */
  tagCounts(): { tag: string; count: number }[] {
    return this.statements
      .sql(
        `SELECT min(t.tag) AS tag, count(*) AS count
         FROM article_tags AS t JOIN articles AS a ON a.id = t.article_id
         WHERE a.deleted_at IS NULL
         GROUP BY t.tag_key ORDER BY count DESC, t.tag_key`
      )
      .all() as { tag: string; count: number }[]
  }

  replaceLinks(sourceId: string, targetIds: readonly string[]): void {
    this.statements.sql('DELETE FROM article_links WHERE source_id = ?').run(sourceId)
    const insert = this.statements.sql(
      'INSERT OR IGNORE INTO article_links (source_id, target_id) VALUES (?, ?)'
    )
    for (const targetId of targetIds) {
      if (targetId !== sourceId) insert.run(sourceId, targetId)
    }
  }

  /** Articles this one links to that exist and are not in the bin. */
  outgoingLinks(id: string): LinkedArticle[] {
    return this.statements
      .sql(
        `SELECT a.id, a.title FROM article_links AS l JOIN articles AS a ON a.id = l.target_id
         WHERE l.source_id = ? AND a.deleted_at IS NULL ORDER BY a.title COLLATE NOCASE, a.id`
      )
      .all(id) as LinkedArticle[]
  }

  /** Articles not in the bin that link to this one. */
  incomingLinks(id: string): LinkedArticle[] {
    return this.statements
      .sql(
        `SELECT a.id, a.title FROM article_links AS l JOIN articles AS a ON a.id = l.source_id
         WHERE l.target_id = ? AND a.deleted_at IS NULL ORDER BY a.title COLLATE NOCASE, a.id`
      )
      .all(id) as LinkedArticle[]
  }

  /** Links whose target article does not exist (content checks). */
  danglingLinks(): { sourceId: string; targetId: string }[] {
    return this.statements
      .sql(
        `SELECT l.source_id AS sourceId, l.target_id AS targetId FROM article_links AS l
         WHERE NOT EXISTS (SELECT 1 FROM articles AS a WHERE a.id = l.target_id)
         ORDER BY l.source_id, l.target_id`
      )
      .all() as { sourceId: string; targetId: string }[]
  }
}

function toListRecord(row: ArticleRow): ArticleListRecord {
  return {
    id: row.id,
    title: row.title,
    category: row.category,
    summary: row.summary,
    tags: JSON.parse(row.tags_json) as string[],
    textHash: row.text_hash,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at
  }
}

function toRecord(row: ArticleRow): ArticleRecord {
  return {
    ...toListRecord(row),
    body: row.body ?? '',
    references: JSON.parse(row.references_json ?? '[]') as Reference[]
  }
}
