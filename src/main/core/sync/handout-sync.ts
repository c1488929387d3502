import type { ReviewStatus } from '../../../shared/api/handouts'
import * as syncApi from '../../../shared/api/sync'
import { handoutTextHash } from '../handouts/handout-text'
import type { HandoutRepo, HandoutTextRow, HandoutVersionRow } from '../handouts/handout-repo'
import type { HandoutTransferDeps } from '../handouts/handout-transfer'
import { itemDocRefusal, keyedBy } from './replica-check'
import type { ReplicaDoc, SharedDoc } from './replica-docs'
import type { ReplicaItem, SharedKind } from './shared-kind'
import { bySavedAt } from './shared-kind'
import { flagConflicts, headOf } from './conflict-flags'
import type { SyncStore } from './sync-store'

const KIND = 'handout'
const MAIN = 'handout:'
const VERSION = 'handout-ver:'

type Source = HandoutVersionRow['source']
const shippedSource = (source: Source): boolean => source === 'builtin' || source === 'upgrade'
const shippedKey = (text: HandoutText): string => `shipped-${handoutTextHash(text).slice(0, 24)}`

interface HandoutText {
  readonly title: string
  readonly summary: string
  readonly body: string
}

interface Approval {
  readonly reviewStatus: ReviewStatus
  readonly approvedBy: string | null
  readonly approvedOn: string | null
}

const textOf = (doc: ReplicaDoc): HandoutText & Approval => ({
  title: String(doc['title']),
  summary: String(doc['summary']),
  body: String(doc['body']),
  reviewStatus: doc['reviewStatus'] as ReviewStatus,
  approvedBy: doc['approvedBy'] as string | null,
  approvedOn: doc['approvedOn'] as string | null
})

const split = (itemId: string): [string, string] => {
  const slash = itemId.lastIndexOf('/')
  return [itemId.slice(0, slash), itemId.slice(slash + 1)]
}

/**
 * Handouts on the clinic network, one item per handout and language: `handout:<id>/<lang>` holds
 * the current text and its approval, `head` the key of its version; `handout-ver:<id>/<lang>:<key>`
 * holds one version (its text never changes; its approval may, when someone signs it off).
 */
export class HandoutSync implements SharedKind {
  readonly kind = KIND
  private readonly repo: HandoutRepo

  constructor(
    private readonly store: SyncStore,
    private readonly handouts: HandoutTransferDeps
  ) {
    this.repo = handouts.repo
  }

  mainId = (itemId: string): string => `${MAIN}${itemId}`
  revisionPrefix = (itemId: string): string => `${VERSION}${itemId}:`

  itemOf(docId: string): string | null {
    if (docId.startsWith(MAIN)) return docId.slice(MAIN.length)
    if (!docId.startsWith(VERSION)) return null
    const rest = docId.slice(VERSION.length)
    return rest.slice(0, rest.lastIndexOf(':'))
  }

  /** The editor's limits, checked again on arrival (replica-check.ts). */
  refusal(itemId: string, doc: ReplicaDoc): string | null {
    const names = (): boolean => `${String(doc['handoutId'])}/${String(doc['lang'])}` === itemId
    return doc._id === this.mainId(itemId)
      ? itemDocRefusal(syncApi.replicaHandoutSchema, doc, names)
      : itemDocRefusal(syncApi.replicaHandoutVersionSchema, doc, () => names() && keyedBy(doc))
  }

  localDocs(itemId: string): SharedDoc[] {
    const [id, lang] = split(itemId)
    const text = this.repo.text(id, lang)
    if (text === null) return []
    let head = ''
    const docs: SharedDoc[] = []
    for (const version of this.repo.versions(id, lang).reverse()) {
      const shipped = shippedSource(version.source)
      const key = this.store.revisionKey(
        KIND,
        itemId,
        version.version,
        shipped ? shippedKey(version) : null
      )
      if (version.version === text.version) head = key
      docs.push({
        _id: `${this.revisionPrefix(itemId)}${key}`,
        type: 'handout-version',
        handoutId: id,
        lang,
        key,
        ...plain(version),
        source: version.source,
        savedAt: shipped ? null : version.savedAt
      })
    }
    docs.push({
      _id: this.mainId(itemId),
      type: 'handout',
      handoutId: id,
      lang,
      isBuiltin: text.isBuiltin,
      ...plain(text),
      referencesJson: text.referencesJson,
      head,
      updatedAt: head.startsWith('shipped-') ? null : text.updatedAt
    })
    return docs
  }

  apply(itemId: string, replica: ReplicaItem, now: string): void {
    const [id, lang] = split(itemId)
    const { winner } = replica
    const current = this.repo.text(id, lang)
    if (winner === null) {
      if (current !== null) this.addVersions(itemId, replica.revisions, now)
      return
    }
    const shown = winner
    const row = (version: number): HandoutTextRow => {
      const text = textOf(shown)
      return {
        handoutId: id,
        lang,
        version,
        ...text,
        referencesJson: String(shown['referencesJson'] ?? '[]'),
        textHash: handoutTextHash(text),
        isBuiltin: shown['isBuiltin'] === true,
        updatedAt: (shown['updatedAt'] as string | null) ?? current?.updatedAt ?? now
      }
    }
    if (!this.repo.handoutExists(id)) this.repo.insertHandout(id, shown['isBuiltin'] === true, now)
    // Versions need their text row: a first arrival writes it before them, numbered after.
    if (current === null) this.repo.putText(row(0))
    this.addVersions(itemId, replica.revisions, now)
    for (const leaf of [winner, ...replica.losers]) this.addLeafVersion(itemId, leaf, now)
    // The text names the version that holds it, even when another computer's version arrived
    // after it (a save takes the number after the newest): as articles and notes do.
    const version =
      this.store.localRevision(KIND, itemId, headOf(shown)) ?? this.repo.newestVersion(id, lang)
    const saved = row(version)
    this.repo.putText(saved)
    flagConflicts(this.store, KIND, itemId, shown, [winner, ...replica.losers], () => false, now)
    this.handouts.index(saved)
  }

  private addVersions(itemId: string, versions: readonly ReplicaDoc[], now: string): void {
    const [id, lang] = split(itemId)
    for (const doc of [...versions].sort(bySavedAt)) {
      const key = String(doc['key'])
      const local = this.store.localRevision(KIND, itemId, key)
      if (local === null) {
        const version = this.repo.newestVersion(id, lang) + 1
        this.insertVersion(itemId, version, key, doc, doc['source'] as Source, now)
      } else if (doc['reviewStatus'] === 'approved') {
        const approval = textOf(doc)
        const mine = this.repo.version(id, lang, local)
        if (mine !== null && mine.reviewStatus !== 'approved') {
          this.repo.setApproval(
            id,
            lang,
            local,
            approval.approvedBy ?? '',
            approval.approvedOn ?? now
          )
        }
      }
      this.store.setKnownRev(doc._id, doc._rev)
    }
  }

  /** A leaf whose version document has not arrived yet: its text is the version. */
  private addLeafVersion(itemId: string, leaf: ReplicaDoc, now: string): void {
    const key = headOf(leaf)
    if (key === '' || this.store.localRevision(KIND, itemId, key) !== null) return
    const [id, lang] = split(itemId)
    const version = this.repo.newestVersion(id, lang) + 1
    this.insertVersion(
      itemId,
      version,
      key,
      leaf,
      key.startsWith('shipped-') ? 'builtin' : 'user',
      now
    )
  }

  private insertVersion(
    itemId: string,
    version: number,
    key: string,
    doc: ReplicaDoc,
    source: Source,
    now: string
  ): void {
    const [id, lang] = split(itemId)
    const savedAt = (doc['savedAt'] as string | null) ?? (doc['updatedAt'] as string | null) ?? now
    this.repo.insertVersion({ handoutId: id, lang, version, ...textOf(doc), source, savedAt })
    this.store.mapRevision(KIND, itemId, version, key)
  }
}

const plain = (text: HandoutText & Approval): Record<string, unknown> => ({
  title: text.title,
  summary: text.summary,
  body: text.body,
  reviewStatus: text.reviewStatus,
  approvedBy: text.approvedBy,
  approvedOn: text.approvedOn
})
