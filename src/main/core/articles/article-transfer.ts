import type { ExportedArticle } from '../../../shared/api/transfer'
import type { Db } from '../db/sqlite'
import type { ArticleRecord, ArticleRepo } from './article-repo'
import { articleTextHash, normaliseText } from './article-text'
import type { ArticleText } from './article-text'

/** What importing one article would do (docs/data-safety.md, "Export and import"). */
export type ArticleImportAction = 'add' | 'unchanged' | 'conflict'

export interface ArticleTransferDeps {
  readonly db: Db
  readonly repository: ArticleRepo
  /** Writes the next revision through the service (tags, links and search included). */
  readonly commitRevision: (id: string, text: ArticleText) => void
  /** Puts an article written row by row into the search index (and its tags and links). */
  readonly afterRawWrite: (record: ArticleRecord) => void
}

/**
 * The articles the clinic wrote or edited (any revision of its own), each with every revision,
 * oldest first. Untouched built-in articles are not exported: every install ships them.
 */
export function exportArticles(deps: ArticleTransferDeps): ExportedArticle[] {
  const ids = deps.db
    .prepare(
      `SELECT DISTINCT article_id AS id FROM article_revisions
       WHERE source IN ('user', 'restore') ORDER BY article_id`
    )
    .all() as { id: string }[]
  const exported: ExportedArticle[] = []
  for (const { id } of ids) {
    const record = deps.repository.find(id)
    if (!record) continue
    const revisions = deps.repository
      .listRevisions(id)
      .map((summary) => deps.repository.findRevision(id, summary.revision))
      .filter((revision) => revision !== null)
      .reverse()
    exported.push({
      id: record.id,
      title: record.title,
      category: record.category,
      summary: record.summary,
      body: record.body,
      tags: [...record.tags],
      references: [...record.references],
      revision: record.revision,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      deletedAt: record.deletedAt,
      revisions: revisions.map((revision) => ({
        title: revision.title,
        category: revision.category,
        summary: revision.summary,
        body: revision.body,
        tags: [...revision.tags],
        revision: revision.revision,
        source: revision.source,
        savedAt: revision.savedAt
      }))
    })
  }
  return exported
}

export function planArticle(
  deps: ArticleTransferDeps,
  article: ExportedArticle
): ArticleImportAction {
  const local = deps.repository.find(article.id)
  if (!local) return 'add'
  return local.textHash === articleTextHash(normaliseText(article)) ? 'unchanged' : 'conflict'
}

/**
 * Applies one article (call inside the import's transaction): a new article is written as it
 * was exported, every revision with its own number, time and source; an article edited
 * differently here gets the imported text as its next revision, so both texts stay in its
 * history.
 */
export function importArticle(
  deps: ArticleTransferDeps,
  article: ExportedArticle
): ArticleImportAction {
  const action = planArticle(deps, article)
  if (action === 'unchanged') return action
  if (action === 'conflict') {
    deps.commitRevision(article.id, article)
    return action
  }
  const text = normaliseText(article)
  const record: ArticleRecord = {
    ...text,
    id: article.id,
    references: article.references,
    textHash: articleTextHash(text),
    revision: article.revision,
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
    deletedAt: article.deletedAt
  }
  deps.repository.save(record)
  for (const revision of article.revisions) deps.repository.insertRevision(article.id, revision)
  deps.afterRawWrite(record)
  return action
}
