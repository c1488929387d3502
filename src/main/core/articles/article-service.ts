import { ApiError } from '../../../shared/api/errors'
import type {
  Article,
  ArticleDraft,
  ArticleSummary,
  RevisionDetail,
  RevisionSummary
} from '../../../shared/api/articles'
import type { Reference } from '../../../shared/api/common'
import { isoNow } from '../clock'
import type { Clock } from '../clock'
import type { WarningLogger } from '../logger'
import { ARTICLE_KIND, importBuiltinArticles } from './builtin-articles'
import { builtinStatus } from '../content/builtin-tracking'
import type { BuiltinRecord, BuiltinTracking } from '../content/builtin-tracking'
import type { Db } from '../db/sqlite'
import type { SearchIndex } from '../search/search-index'
import type { WriteGuard } from '../write-guard'
import { parseArticleLinks } from './article-links'
import { articleSearchEntry } from './article-search-entry'
import type {
  ArticleListFilter,
  ArticleListRecord,
  ArticleRecord,
  ArticleRepo,
  RevisionSource
} from './article-repo'
import { articleTextHash, normaliseText, sameText } from './article-text'
import type { ArticleText } from './article-text'
import type { ArticleTransferDeps } from './article-transfer'
import * as articleContent from './builtin-article-content'
import { slugify, uniqueSlug } from './slug'

export interface ArticleServiceDeps {
  readonly db: Db
  readonly repository: ArticleRepo
  readonly search: SearchIndex
  readonly tracking: BuiltinTracking
  readonly clock: Clock
  readonly guard: WriteGuard
}

export interface ArticleUpdate extends ArticleDraft {
  readonly id: string
  readonly baseRevision: number
}

/**
 * The knowledge base. Every save writes a new revision (the full text) in the same transaction
 * as the article row, its tags, its links and its search entry, so they never disagree.
 */
export class ArticleService {
  constructor(private readonly deps: ArticleServiceDeps) {}

  /** First run and upgrades: the shipped articles in, the clinic's edits untouched. */
  importBuiltins(
    resourcesDir: string,
    warn: WarningLogger,
    beforeChangingExisting: () => void
  ): void {
    importBuiltinArticles(resourcesDir, {
      db: this.deps.db,
      articles: this,
      repository: this.deps.repository,
      tracking: this.deps.tracking,
      warn,
      beforeChangingExisting
    })
  }

  list(filter: ArticleListFilter = {}): ArticleSummary[] {
    const tracked = this.deps.tracking.allOfKind(ARTICLE_KIND)
    return this.deps.repository
      .list(filter)
      .map((record) => toSummary(record, tracked.get(record.id) ?? null))
  }

  get(id: string): Article {
    return this.toArticle(this.require(id))
  }

  create(draft: ArticleDraft): Article {
    this.deps.guard.assertWritable()
    return this.inTransaction(() => {
      const id = uniqueSlug(slugify(draft.title), (slug) => this.deps.repository.exists(slug))
      this.commitRevision(id, draft, 'user')
      return this.get(id)
    })
  }

  update(input: ArticleUpdate): Article {
    this.deps.guard.assertWritable()
    return this.inTransaction(() => {
      const current = this.require(input.id)
      if (current.deletedAt !== null) {
        throw new ApiError('conflict', 'This article is in the bin. Restore it before editing it.')
      }
      if (current.revision !== input.baseRevision) {
        throw new ApiError(
          'conflict',
          'This article was changed elsewhere after you opened it. Copy your changes, reload ' +
            'the article and apply them again.'
        )
      }
      // Saving without a change adds no revision: the history shows real edits only.
      if (sameText(current, normaliseText(input))) return this.toArticle(current)
      this.commitRevision(input.id, input, 'user')
      return this.get(input.id)
    })
  }

  /** Moves the article to the bin: out of lists, links and search, but kept with its history. */
  delete(id: string): { id: string; deletedAt: string } {
    this.deps.guard.assertWritable()
    return this.inTransaction(() => {
      const current = this.require(id)
      if (current.deletedAt !== null) return { id, deletedAt: current.deletedAt }
      const deletedAt = isoNow(this.deps.clock)
      this.deps.repository.setDeletedAt(id, deletedAt)
      this.deps.search.remove(ARTICLE_KIND, id)
      return { id, deletedAt }
    })
  }

  undelete(id: string): Article {
    this.deps.guard.assertWritable()
    return this.inTransaction(() => {
      const current = this.require(id)
      if (current.deletedAt !== null) {
        this.deps.repository.setDeletedAt(id, null)
        this.indexForSearch({ ...current, deletedAt: null })
      }
      return this.get(id)
    })
  }

  revisions(id: string): RevisionSummary[] {
    this.require(id)
    return this.deps.repository.listRevisions(id)
  }

  revision(id: string, revision: number): RevisionDetail {
    const found = this.deps.repository.findRevision(this.require(id).id, revision)
    if (!found)
      throw new ApiError('not_found', `Revision ${revision} of this article does not exist.`)
    return { ...found, tags: [...found.tags] }
  }

  /** Brings back an earlier text as a new revision (the history itself is never rewritten). */
  restoreRevision(id: string, revision: number): Article {
    this.deps.guard.assertWritable()
    return this.inTransaction(() => {
      const old = this.revision(id, revision)
      this.commitRevision(id, old, 'restore')
      return this.get(id)
    })
  }

  /** Replaces the clinic's text with the newest shipped text, as a new revision. */
  resetToBuiltin(id: string): Article {
    this.deps.guard.assertWritable()
    return this.inTransaction(() => {
      this.require(id)
      const shipped = articleContent.builtinArticleContentSchema.safeParse(
        this.deps.tracking.shippedContent(ARTICLE_KIND, id)
      )
      if (!shipped.success) {
        throw new ApiError(
          'not_found',
          'This article was written in this clinic, so there is no built-in text to go back to.'
        )
      }
      this.commitRevision(
        id,
        articleContent.contentText(shipped.data),
        'reset',
        articleContent.contentReferences(shipped.data)
      )
      this.deps.tracking.markShippedAsImported(ARTICLE_KIND, id)
      return this.get(id)
    })
  }

  tags(): { tag: string; count: number }[] {
    return this.deps.repository.tagCounts()
  }

  /**
   * Writes `text` as the next revision of article `id` (creating the article when it does not
   * exist) and updates its tags, links and search entry. Call inside a transaction. Used by the
   * service itself and by the built-in importer.
   */
  commitRevision(
    id: string,
    rawText: ArticleText,
    source: RevisionSource,
    references?: readonly Reference[]
  ): ArticleRecord {
    const text = normaliseText(rawText)
    const now = isoNow(this.deps.clock)
    const current = this.deps.repository.find(id)
    const record: ArticleRecord = {
      ...text,
      id,
      references: references ?? current?.references ?? [],
      textHash: articleTextHash(text),
      revision: this.deps.repository.newestRevision(id) + 1,
      createdAt: current?.createdAt ?? now,
      updatedAt: now,
      deletedAt: current?.deletedAt ?? null
    }
    this.deps.repository.save(record)
    this.deps.repository.insertRevision(id, {
      ...text,
      revision: record.revision,
      source,
      savedAt: now
    })
    this.deps.repository.replaceTags(id, text.tags)
    this.deps.repository.replaceLinks(id, parseArticleLinks(text.body))
    if (record.deletedAt === null) this.indexForSearch(record)
    return record
  }

  /** Whole-library export and import (transfer module): see article-transfer.ts. */
  transfer(): ArticleTransferDeps {
    return {
      db: this.deps.db,
      repository: this.deps.repository,
      commitRevision: (id, text) => {
        this.commitRevision(id, text, 'user')
      },
      afterRawWrite: (record) => {
        this.deps.repository.replaceTags(record.id, record.tags)
        this.deps.repository.replaceLinks(record.id, parseArticleLinks(record.body))
        if (record.deletedAt === null) this.indexForSearch(record)
      }
    }
  }

  /** The hash of an article's current text, or null when it does not exist (built-in import). */
  currentTextHash(id: string): string | null {
    return this.deps.repository.find(id)?.textHash ?? null
  }

  private indexForSearch(record: ArticleRecord): void {
    this.deps.search.upsert(articleSearchEntry(record))
  }

  private require(id: string): ArticleRecord {
    const record = this.deps.repository.find(id)
    if (!record)
      throw new ApiError('not_found', 'This article does not exist (it may have been removed).')
    return record
  }

  private toArticle(record: ArticleRecord): Article {
    const status = builtinStatus(this.deps.tracking.get(ARTICLE_KIND, record.id), record.textHash)
    return {
      ...toSummary(record, null),
      isBuiltin: status.isBuiltin,
      isModified: status.isModified,
      body: record.body,
      references: [...record.references],
      revision: record.revision,
      links: {
        outgoing: this.deps.repository.outgoingLinks(record.id),
        incoming: this.deps.repository.incomingLinks(record.id)
      },
      builtinUpdateAvailable: status.updateAvailable
    }
  }

  private inTransaction<T>(work: () => T): T {
    return this.deps.db.transaction(work)()
  }
}

function toSummary(record: ArticleListRecord, builtin: BuiltinRecord | null): ArticleSummary {
  const status = builtinStatus(builtin, record.textHash)
  return {
    id: record.id,
    title: record.title,
    category: record.category,
    tags: [...record.tags],
    summary: record.summary,
    updatedAt: record.updatedAt,
    isBuiltin: status.isBuiltin,
    isModified: status.isModified,
    deletedAt: record.deletedAt
  }
}
