import { z } from 'zod'
import { endpoint } from './contract'
import { emptyInput, isoDateSchema } from './common'

/** The kinds of item the clinic network shares with a history (docs/clinic-network.md). */
export const SYNC_KINDS = ['article', 'handout', 'note'] as const
export const syncKindSchema = z.enum(SYNC_KINDS)
export type SyncKind = z.infer<typeof syncKindSchema>

export const syncStatusSchema = z.object({
  state: z.enum(['off', 'connecting', 'connected', 'offline', 'error']),
  lastSyncedAt: isoDateSchema.nullable(),
  /** Saves on this computer the clinic's hub does not have yet. */
  waiting: z.number().int().nonnegative(),
  message: z.string().max(600).optional()
})
export type SyncStatusView = z.infer<typeof syncStatusSchema>

/** The item: an article id, a handout's `<id>/<lang>`, or a note id. */
const itemRef = z.object({ kind: syncKindSchema, itemId: z.string().min(1).max(300) }).strict()

/**
 * A version saved on another computer at the same time as the one shown: kept in the item's
 * history as `revision` (an article or note revision, or a handout version number, on this computer).
 */
export const syncConflictSchema = z.object({
  kind: syncKindSchema,
  itemId: z.string(),
  revision: z.number().int().positive().nullable(),
  foundAt: isoDateSchema,
  seenAt: isoDateSchema.nullable()
})
export type SyncConflict = z.infer<typeof syncConflictSchema>

export const syncEndpoints = {
  'sync:status': endpoint(emptyInput, syncStatusSchema),
  /** Every conflict of one item (seen or not), or every unseen one when no item is given. */
  'sync:conflicts': endpoint(itemRef.partial().strict(), z.array(syncConflictSchema)),
  /** Someone has looked at the item: its notice goes (the versions stay in its history). */
  'sync:markSeen': endpoint(itemRef, z.object({ marked: z.number().int().nonnegative() }))
}
