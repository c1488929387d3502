import type { Reference } from '../../../shared/api/common'
import type { ArticleRecord, ArticleRepo, RevisionSource } from '../articles/article-repo'
import { articleSearchEntry } from '../articles/article-search-entry'
import { articleTextHash } from '../articles/article-text'
import type { ArticleText } from '../articles/article-text'
import type { ArticleTransferDeps } from '../articles/article-transfer'
import * as syncApi from '../../../shared/api/sync'
import type { SearchIndex } from '../search/search-index'
import { itemDocRefusal, keyedBy } from './replica-check'
import type { ReplicaDoc, SharedDoc } from './replica-docs'
import { RevisionHistory, itemOfDoc } from './revision-history'
import type { ReplicaItem, SharedKind } from './shared-kind'
import type { SyncStore } from './sync-store'

const KIND = 'article'
const MAIN = 'article:'
const REVISION = 'article-rev:'

/** A revision's replica key: random for the clinic's edits, from the text for a shipped one. */
const shippedKey = (text: ArticleText): string => `shipped-${articleTextHash(text).slice(0, 24)}`

const textOf = (doc: ReplicaDoc): ArticleText => ({
  title: String(doc['title']),
  category: doc['category'] as ArticleText['category'],
  summary: String(doc['summary']),
  body: String(doc['body']),
  tags: doc['tags'] as string[]
})

const isDeleted = (doc: ReplicaDoc): boolean => doc['deletedAt'] !== null

/**
 * Articles on the clinic network: `article:<id>` holds the current text, the bin flag and
 * `head` (the key of the revision it shows); `article-rev:<id>:<key>` holds one revision, never
 * changed once written. Revisions from elsewhere get the next local number on arrival.
 */
export class ArticleSync implements SharedKind {
  readonly kind = KIND
  private readonly repo: ArticleRepo
  private readonly history: RevisionHistory<ArticleText, RevisionSource>

  constructor(
    store: SyncStore,
    private readonly articles: ArticleTransferDeps,
    private readonly search: SearchIndex
  ) {
    const repo = articles.repository
    this.repo = repo
    this.history = new RevisionHistory(KIND, this.revisionPrefix, store, {
      newest: (id) => repo.newestRevision(id),
      insert: (id, revision, text, source, savedAt) =>
        repo.insertRevision(id, { ...text, revision, source, savedAt }),
      textOf,
      leafSource: (key) => (key.startsWith('shipped-') ? 'builtin' : 'user'),
      isDeleted
    })
  }

  mainId = (id: string): string => `${MAIN}${id}`
  revisionPrefix = (id: string): string => `${REVISION}${id}:`
  itemOf = (docId: string): string | null => itemOfDoc(docId, MAIN, REVISION)

  /** The editor's limits, checked again on arrival (replica-check.ts). */
  refusal(id: string, doc: ReplicaDoc): string | null {
    return doc._id === this.mainId(id)
      ? itemDocRefusal(syncApi.replicaArticleSchema, doc, () => doc['id'] === id)
      : itemDocRefusal(
          syncApi.replicaArticleRevisionSchema,
          doc,
          () => doc['articleId'] === id && keyedBy(doc)
        )
  }

  localDocs(id: string): SharedDoc[] {
    const record = this.repo.find(id)
    if (record === null) return []
    const listed = this.repo.listRevisions(id).reverse()
    const { docs, head } = this.history.unsent(
      id,
      listed.map((summary) => summary.revision),
      record.revision,
      (number) => {
        const revision = this.repo.findRevision(id, number)
        if (revision === null) return null
        const shipped = revision.source === 'builtin'
        return {
          shippedKey: shipped ? shippedKey(revision) : null,
          fields: {
            type: 'article-revision',
            articleId: id,
            ...plainText(revision),
            source: revision.source,
            savedAt: shipped ? null : revision.savedAt
          }
        }
      }
    )
    const untouchedShipped = head.startsWith('shipped-') && record.deletedAt === null
    docs.push({
      _id: this.mainId(id),
      type: 'article',
      id,
      ...plainText(record),
      references: record.references,
      head,
      // Times are this computer's own for a shipped text: left out, every computer's copy of
      // a built-in article is the same document.
      createdAt: untouchedShipped ? null : record.createdAt,
      updatedAt: untouchedShipped ? null : record.updatedAt,
      deletedAt: record.deletedAt
    })
    return docs
  }

  apply(id: string, replica: ReplicaItem, now: string): void {
    const { winner } = replica
    if (winner === null) {
      // Revisions before their article: they are written with it (the rows need the article).
      if (this.repo.exists(id)) this.history.addRevisions(id, replica.revisions, now)
      return
    }
    const shown = this.history.choose(id, winner, replica.losers)
    const current = this.repo.find(id)
    const record = (revision: number): ArticleRecord => ({
      ...textOf(shown),
      id,
      references: (shown['references'] as Reference[] | undefined) ?? [],
      textHash: articleTextHash(textOf(shown)),
      revision,
      createdAt: current?.createdAt ?? (shown['createdAt'] as string | null) ?? now,
      updatedAt: (shown['updatedAt'] as string | null) ?? current?.updatedAt ?? now,
      deletedAt: shown['deletedAt'] as string | null
    })
    if (current === null) this.repo.save(record(0))
    this.history.addAll(id, [winner, ...replica.losers], replica.revisions, now)
    const saved = record(this.history.shownRevision(id, shown))
    this.repo.save(saved)
    this.history.keepConflicts(id, winner, replica.losers, shown, now)
    if (saved.deletedAt !== null) {
      this.search.remove(KIND, id)
      return
    }
    this.articles.afterRawWrite(saved)
    // While a conflict is unseen, the search entry holds the other version's words too.
    const unseen = this.unseenVersions(id)
    if (unseen.length > 0) this.search.upsert(articleSearchEntry(saved, unseen))
  }

  /** The item's search entry again (its conflicts were seen: the other version's words go). */
  refreshSearch(id: string): void {
    const record = this.repo.find(id)
    if (record === null || record.deletedAt !== null) return
    this.search.upsert(articleSearchEntry(record, this.unseenVersions(id)))
  }

  /** The texts of versions saved elsewhere at the same time that nobody has looked at yet. */
  private unseenVersions(id: string): ArticleText[] {
    return this.history
      .unseenConflicts(id)
      .flatMap((revision) => this.repo.findRevision(id, revision) ?? [])
  }
}

const plainText = (text: ArticleText): Record<string, unknown> => ({
  title: text.title,
  category: text.category,
  summary: text.summary,
  body: text.body,
  tags: [...text.tags]
})
