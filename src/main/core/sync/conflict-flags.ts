import type { ReplicaDoc } from './replica-docs'
import type { SyncStore } from './sync-store'

export const headOf = (doc: ReplicaDoc): string => String(doc['head'])

/**
 * The version a replica key names: a copy made to keep the shown text the newest revision
 * (`<key>.shown`, handout-sync.ts; articles and notes made them before session 8) is the same
 * version as `<key>`. Each computer that shows a version may make such a copy, so one version can
 * reach a computer as several leaves; a conflict is a version, not a leaf.
 */
export const versionOfKey = (key: string): string => key.replace(/(\.shown)+$/, '')

/** The leaves whose version is not flagged yet and is not the winner's (for `shownLeaf`). */
export function unflaggedLosers(
  store: SyncStore,
  kind: string,
  itemId: string,
  winner: ReplicaDoc,
  losers: readonly ReplicaDoc[]
): ReplicaDoc[] {
  const flagged = new Set(store.conflicts(kind, itemId).map((row) => versionOfKey(row.docKey)))
  const winnerVersion = versionOfKey(headOf(winner))
  return losers.filter((doc) => {
    const version = versionOfKey(headOf(doc))
    return version !== winnerVersion && !flagged.has(version)
  })
}

/**
 * Flags, once each, every live version among `leaves` that is not the one shown. A version
 * flagged before that is shown now (another leaf of it won since) loses its flag: naming the shown
 * text as "the other version" would send the reader to the text already in front of them.
 */
export function flagConflicts(
  store: SyncStore,
  kind: string,
  itemId: string,
  shown: ReplicaDoc,
  leaves: readonly ReplicaDoc[],
  isDeleted: (doc: ReplicaDoc) => boolean,
  now: string
): void {
  const shownVersion = versionOfKey(headOf(shown))
  const flagged = new Set<string>()
  for (const row of store.conflicts(kind, itemId)) {
    const version = versionOfKey(row.docKey)
    if (version === shownVersion) store.dropConflict(kind, itemId, row.docKey)
    else flagged.add(version)
  }
  for (const leaf of leaves) {
    const version = versionOfKey(headOf(leaf))
    if (isDeleted(leaf) || version === shownVersion || flagged.has(version)) continue
    flagged.add(version)
    store.addConflict(kind, itemId, headOf(leaf), now)
  }
}
