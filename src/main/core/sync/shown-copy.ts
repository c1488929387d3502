import { versionOfKey } from './conflict-flags'
import type { SyncStore } from './sync-store'

/**
 * The key under which a handout text's shown version is copied as its newest version, or null
 * when the newest version already holds it. (Articles and notes name the shown revision instead:
 * RevisionHistory.shownRevision.)
 *
 * The newest local revision is the one a save continues from and the one the item's main
 * document names as its head, so it must hold the text shown. When another computer's revision
 * arrives after the shown one, the shown text is copied as the newest. Compared by version, not
 * by number: a `<key>.shown` copy holds the same text as `<key>`. The copy's key is the first
 * free one of `<head>.shown`, `<head>.shown.shown`, …: every computer that copies the same version
 * after the same arrivals makes the same document, and a key that already names an older
 * revision is never reused (the item would then name a revision of another text as its head,
 * and other computers would file the shown text under that key).
 */
export function shownCopyKey(
  store: SyncStore,
  kind: string,
  itemId: string,
  newest: number,
  shownHead: string
): string | null {
  const newestKey = store.revisionKeyIfAny(kind, itemId, newest)
  if (newestKey !== null && versionOfKey(newestKey) === versionOfKey(shownHead)) return null
  let key = `${shownHead}.shown`
  while (store.localRevision(kind, itemId, key) !== null) key += '.shown'
  return key
}
