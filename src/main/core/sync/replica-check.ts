import type { z } from 'zod'
import type { ItemChanges, ReplicaDoc } from './replica-docs'
import type { SharedKind } from './shared-kind'

/** Why `doc` does not fit `schema` (its first problem, in words), or null when it does. */
export function schemaRefusal(schema: z.ZodType, doc: unknown): string | null {
  const parsed = schema.safeParse(doc)
  if (parsed.success) return null
  const issue = parsed.error.issues[0]
  const where = issue?.path.join('.') ?? ''
  return `${where === '' ? '' : `${where}: `}${issue?.message ?? 'not valid'}`
}

/**
 * Why a document of an item cannot be applied: it breaks `schema`, or it does not name the item
 * whose id it has (`names`: the item it says it belongs to, and for a revision its own key).
 */
export function itemDocRefusal(
  schema: z.ZodType,
  doc: ReplicaDoc,
  names: (doc: ReplicaDoc) => boolean
): string | null {
  return schemaRefusal(schema, doc) ?? (names(doc) ? null : 'its id does not match what it holds')
}

/** A revision document's id ends with the key it holds. */
export const keyedBy = (doc: ReplicaDoc): boolean => doc._id.endsWith(`:${String(doc['key'])}`)

/**
 * A replicated document is untrusted input (another computer's bug, a hand-edited CouchDB):
 * each one is checked with the kind's own rules before any of it reaches SQLite. A refused
 * document is left out, with its reason given to `refused`, and the item's rows stay as they
 * were. When the engine's winner is refused, the first valid other leaf (in the order the
 * replica lists them, the same on every computer) is shown in its place; with none, nothing is shown.
 */
export function checkedChanges(
  mapping: SharedKind,
  itemId: string,
  changes: ItemChanges,
  refused: (doc: ReplicaDoc, reason: string) => void
): ItemChanges {
  const check = mapping.refusal
  if (check === undefined) return changes
  const valid = (doc: ReplicaDoc): boolean => {
    const reason = check.call(mapping, itemId, doc)
    if (reason !== null) refused(doc, reason)
    return reason === null
  }
  const leaves = [changes.winner, ...changes.losers].flatMap((doc) =>
    doc !== null && valid(doc) ? [doc] : []
  )
  return {
    ...changes,
    winner: leaves[0] ?? null,
    losers: leaves.slice(1),
    revisions: changes.revisions.filter(valid)
  }
}
