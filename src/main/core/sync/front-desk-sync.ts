import * as syncApi from '../../../shared/api/sync'
import type { HandoutRepo } from '../handouts/handout-repo'
import { schemaRefusal } from './replica-check'
import type { ReplicaDoc, SharedDoc } from './replica-docs'
import type { ReplicaItem, SharedKind } from './shared-kind'
import type { SyncStore } from './sync-store'

const KIND = 'front-desk'
const MAIN = 'front-desk:'
/** A setting that arrived before its handout (kept in `sync_state` until the handout has). */
const WAITING = 'front-desk-waiting:'

interface Visibility {
  readonly hidden: boolean
  readonly hiddenAt: string | null
}

/**
 * Which handouts the front desk hides, on the clinic network: one document per handout that was
 * ever hidden or shown again, `front-desk:<handout id>` (`hidden`, `hiddenAt`). A practitioner who
 * hides a handout in a room hides it at the front desk computer too. A setting that arrives
 * before its handout (the replica's order is not the order of saving) waits, and is applied after
 * the batch that brings the handout.
 */
export class FrontDeskSync implements SharedKind {
  readonly kind = KIND

  constructor(
    private readonly store: SyncStore,
    private readonly repo: HandoutRepo
  ) {}

  mainId = (handoutId: string): string => `${MAIN}${handoutId}`
  // No revision documents: nothing is listed under this prefix.
  revisionPrefix = (handoutId: string): string => `${MAIN}${handoutId}:revision:`
  itemOf = (docId: string): string | null =>
    docId.startsWith(MAIN) ? docId.slice(MAIN.length) : null

  refusal(handoutId: string, doc: ReplicaDoc): string | null {
    return (
      schemaRefusal(syncApi.replicaFrontDeskSchema, doc) ??
      (doc['handoutId'] === handoutId ? null : `it names handout ${String(doc['handoutId'])}`)
    )
  }

  localDocs(handoutId: string): SharedDoc[] {
    if (!this.repo.handoutExists(handoutId)) return []
    const hiddenAt = this.repo.hiddenAt(handoutId)
    return [
      { _id: this.mainId(handoutId), type: KIND, handoutId, hidden: hiddenAt !== null, hiddenAt }
    ]
  }

  apply(handoutId: string, replica: ReplicaItem, now: string): void {
    const { winner } = replica
    if (winner === null) return
    const wanted: Visibility = {
      hidden: winner['hidden'] === true,
      hiddenAt: (winner['hiddenAt'] as string | null) ?? null
    }
    if (this.repo.handoutExists(handoutId)) this.set(handoutId, wanted, now)
    else this.store.putState(`${WAITING}${handoutId}`, JSON.stringify(wanted))
  }

  afterBatch(now: string): void {
    for (const { key, value } of this.store.statesUnder(WAITING)) {
      const handoutId = key.slice(WAITING.length)
      if (!this.repo.handoutExists(handoutId)) continue
      this.set(handoutId, JSON.parse(value) as Visibility, now)
      this.store.dropState(key)
    }
  }

  private set(handoutId: string, wanted: Visibility, now: string): void {
    // Hidden again elsewhere: the time it was first hidden is the one kept.
    if (wanted.hidden && this.repo.hiddenAt(handoutId) !== null) return
    this.repo.setHidden(handoutId, wanted.hidden, wanted.hiddenAt ?? now)
  }
}
