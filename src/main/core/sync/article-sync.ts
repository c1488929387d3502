import type { Reference } from '../../../shared/api/common'
import type { ArticleRecord, ArticleRepo, RevisionSource } from '../articles/article-repo'
import { articleSearchEntry } from '../articles/article-search-entry'
import { articleTextHash } from '../articles/article-text'
import type { ArticleText } from '../articles/article-text'
import type { ArticleTransferDeps } from '../articles/article-transfer'
import type { SearchIndex } from '../search/search-index'
import type { ReplicaDoc, SharedDoc } from './replica-docs'
import type { ReplicaItem, SharedKind } from './shared-kind'
import { bySavedAt, shownLeaf } from './shared-kind'
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
const headOf = (doc: ReplicaDoc): string => String(doc['head'])

/**
 * Articles on the clinic network: `article:<id>` holds the current text, the bin flag and
 * `head` (the key of the revision it shows); `article-rev:<id>:<key>` holds one revision, never
 * changed once written. Revisions from elsewhere get the next local number on arrival.
 */
export class ArticleSync implements SharedKind {
  readonly kind = KIND
  private readonly repo: ArticleRepo

  constructor(
    private readonly store: SyncStore,
    private readonly articles: ArticleTransferDeps,
    private readonly search: SearchIndex
  ) {
    this.repo = articles.repository
  }

  mainId = (id: string): string => `${MAIN}${id}`
  revisionPrefix = (id: string): string => `${REVISION}${id}:`

  itemOf(docId: string): string | null {
    if (docId.startsWith(MAIN)) return docId.slice(MAIN.length)
    if (!docId.startsWith(REVISION)) return null
    const rest = docId.slice(REVISION.length)
    return rest.slice(0, rest.lastIndexOf(':'))
  }

  localDocs(id: string): SharedDoc[] {
    const record = this.repo.find(id)
    if (record === null) return []
    const docs: SharedDoc[] = []
    let head = ''
    for (const { revision: number, source } of this.repo.listRevisions(id).reverse()) {
      const mapped = this.store.revisionKeyIfAny(KIND, id, number)
      // Revision documents never change: one already in the replica is not read or written.
      if (mapped !== null && this.store.knownRev(`${this.revisionPrefix(id)}${mapped}`) !== null) {
        if (number === record.revision) head = mapped
        continue
      }
      const revision = this.repo.findRevision(id, number)
      if (revision === null) continue
      const shipped = source === 'builtin'
      const key =
        mapped ?? this.store.revisionKey(KIND, id, number, shipped ? shippedKey(revision) : null)
      if (number === record.revision) head = key
      docs.push({
        _id: `${this.revisionPrefix(id)}${key}`,
        type: 'article-revision',
        articleId: id,
        key,
        ...plainText(revision),
        source,
        savedAt: shipped ? null : revision.savedAt
      })
    }
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
      if (this.repo.exists(id)) this.addRevisions(id, replica.revisions, now)
      return
    }
    const flagged = new Set(this.store.conflicts(KIND, id).map((row) => row.docKey))
    const newLosers = replica.losers.filter(
      (doc) => !flagged.has(headOf(doc)) && headOf(doc) !== headOf(winner)
    )
    const shown = shownLeaf(winner, newLosers, isDeleted)
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
    this.addRevisions(id, replica.revisions, now)
    for (const leaf of [winner, ...replica.losers]) this.addLeafRevision(id, leaf, now)
    this.keepShownNewest(id, shown, now)
    const saved = record(this.lastRevision(id))
    this.repo.save(saved)
    for (const leaf of [winner, ...newLosers]) {
      if (leaf === shown || isDeleted(leaf) || headOf(leaf) === headOf(shown)) continue
      this.store.addConflict(KIND, id, headOf(leaf), now)
    }
    // The live edit that beat a delete goes back to the replica on top of the winner.
    if (shown !== winner) this.store.enqueue(KIND, id)
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
    return this.store
      .conflicts(KIND, id)
      .filter((row) => row.seenAt === null)
      .map((row) => this.store.localRevision(KIND, id, row.docKey))
      .flatMap((revision) => (revision === null ? [] : [this.repo.findRevision(id, revision)]))
      .flatMap((revision) => (revision === null ? [] : [revision]))
  }

  private addRevisions(id: string, revisions: readonly ReplicaDoc[], now: string): void {
    for (const doc of [...revisions].sort(bySavedAt)) {
      const key = String(doc['key'])
      if (this.store.localRevision(KIND, id, key) === null) {
        this.insertRevision(id, key, textOf(doc), doc['source'] as RevisionSource, doc, now)
      }
      this.store.setKnownRev(doc._id, doc._rev)
    }
  }

  /**
   * The newest local revision is the text shown (the history marks it current, and the next save
   * follows it): when another computer's revision arrived after the shown one, the shown text is
   * copied as the newest, keyed from its own key so every computer that copies it makes the same
   * revision document.
   */
  private keepShownNewest(id: string, shown: ReplicaDoc, now: string): void {
    const last = this.lastRevision(id)
    const copyKey = `${headOf(shown)}.shown`
    const [own, copy] = [headOf(shown), copyKey].map((key) =>
      this.store.localRevision(KIND, id, key)
    )
    if (own === last || copy === last || copy !== null || own === null) return
    this.insertRevision(id, copyKey, textOf(shown), 'user', shown, now)
    // Made while applying (the triggers are quiet): sent like a save.
    this.store.enqueue(KIND, id)
  }

  /** A leaf whose revision document has not arrived yet: its text is the revision. */
  private addLeafRevision(id: string, leaf: ReplicaDoc, now: string): void {
    const key = headOf(leaf)
    if (key === '' || this.store.localRevision(KIND, id, key) !== null) return
    const source: RevisionSource = key.startsWith('shipped-') ? 'builtin' : 'user'
    this.insertRevision(id, key, textOf(leaf), source, leaf, now)
  }

  private insertRevision(
    id: string,
    key: string,
    text: ArticleText,
    source: RevisionSource,
    doc: ReplicaDoc,
    now: string
  ): void {
    const revision = this.lastRevision(id) + 1
    const savedAt = (doc['savedAt'] as string | null) ?? (doc['updatedAt'] as string | null) ?? now
    this.repo.insertRevision(id, { ...text, revision, source, savedAt })
    this.store.mapRevision(KIND, id, revision, key)
  }

  private lastRevision(id: string): number {
    return this.repo.listRevisions(id)[0]?.revision ?? 0
  }
}

const plainText = (text: ArticleText): Record<string, unknown> => ({
  title: text.title,
  category: text.category,
  summary: text.summary,
  body: text.body,
  tags: [...text.tags]
})
