import { z } from 'zod'
import { isoDateSchema } from '../../../shared/api/common'
import {
  NOTE_MAX_LENGTH,
  noteIdSchema,
  noteTargetKindSchema,
  noteTargetSchema
} from '../../../shared/api/notes'
import type { ReplicaDoc } from './replica-docs'
import { schemaRefusal } from './replica-check'

/** A revision's replica key: 20 hex digits (random), or a copy of a shown one (`<key>.shown`). */
const revisionKeySchema = z.string().regex(/^[0-9a-f]{20}(\.shown)*$/, 'not a revision key')
const bodySchema = z.string().max(NOTE_MAX_LENGTH, 'the text is too long for a note')

/** A note's main document as another computer may send it: the note service's own limits. */
const noteDocSchema = z
  .object({
    type: z.literal('note'),
    id: noteIdSchema,
    targetKind: noteTargetKindSchema.nullable(),
    targetId: noteTargetSchema.shape.id.nullable(),
    body: bodySchema,
    pinned: z.boolean(),
    // Empty only while the note's revision documents have not been written (never for a save).
    head: z.union([revisionKeySchema, z.literal('')]),
    createdAt: isoDateSchema,
    updatedAt: isoDateSchema,
    deletedAt: isoDateSchema.nullable()
  })
  .refine((doc) => (doc.targetKind === null) === (doc.targetId === null), {
    message: 'a note is about an item only with both its kind and its id'
  })

const noteRevisionDocSchema = z.object({
  type: z.literal('note-revision'),
  noteId: noteIdSchema,
  key: revisionKeySchema,
  body: bodySchema,
  source: z.enum(['user', 'restore']),
  savedAt: isoDateSchema
})

/** Why a replicated note document cannot be applied, or null when it can. */
export function noteDocRefusal(noteId: string, doc: ReplicaDoc): string | null {
  return (
    schemaRefusal(noteDocSchema, doc) ??
    (doc['id'] === noteId ? null : `it names note ${String(doc['id'])}`)
  )
}

/** Why a replicated note revision cannot be applied, or null when it can. */
export function noteRevisionRefusal(noteId: string, doc: ReplicaDoc): string | null {
  return (
    schemaRefusal(noteRevisionDocSchema, doc) ??
    (doc['noteId'] === noteId && doc._id.endsWith(`:${String(doc['key'])}`)
      ? null
      : 'its id does not match the note and key it holds')
  )
}
