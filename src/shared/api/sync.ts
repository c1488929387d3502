import { z } from 'zod'
import { endpoint } from './contract'
import { articleDraftSchema, REVISION_SOURCES } from './articles'
import { emptyInput, isoDateSchema, referenceSchema, slugSchema } from './common'
import { HANDOUT_VERSION_SOURCES, handoutDraftSchema, reviewStatusSchema } from './handouts'
import { NOTE_MAX_LENGTH, noteIdSchema, noteTargetKindSchema, noteTargetSchema } from './notes'
import { LOGO_MIME_TYPES, clinicProfileDraftSchema, langTagSchema } from './settings'

/**
 * The kinds of item the clinic network shares with a history (docs/clinic-network.md); the
 * clinic profile is one item, `clinic`, whose versions are its saved profiles.
 */
export const SYNC_KINDS = ['article', 'handout', 'note', 'profile'] as const
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

/** The item: an article id, a handout's `<id>/<lang>`, a note id, or `clinic` (the profile). */
const itemRef = z.object({ kind: syncKindSchema, itemId: z.string().min(1).max(300) }).strict()

/**
 * A version saved on another computer at the same time as the one shown: kept in the item's
 * history as `revision` (an article or note revision, a handout version number, or the clinic
 * profile's version, on this computer).
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

/*
 * What another computer's replica documents may hold (docs/clinic-network.md): the rules a local
 * save keeps, checked again on arrival, since a replicated document is untrusted input. The core's
 * mappings read them through this lazily loaded module (no schema at start-up).
 */

/** A note revision's replica key: 20 hex digits (random), or a copy of a shown one (`<key>.shown`). */
const revisionKeySchema = z.string().regex(/^[0-9a-f]{20}(\.shown)*$/, 'not a revision key')
const noteBodySchema = z.string().max(NOTE_MAX_LENGTH, 'the text is too long for a note')

/** `note:<id>`: a note's current text, what it is about, the pin, the bin flag, its `head`. */
export const replicaNoteSchema = z
  .object({
    type: z.literal('note'),
    id: noteIdSchema,
    targetKind: noteTargetKindSchema.nullable(),
    targetId: noteTargetSchema.shape.id.nullable(),
    body: noteBodySchema,
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

/** `note-rev:<id>:<key>`: one revision of a note. */
export const replicaNoteRevisionSchema = z.object({
  type: z.literal('note-revision'),
  noteId: noteIdSchema,
  key: revisionKeySchema,
  body: noteBodySchema,
  source: z.enum(['user', 'restore']),
  savedAt: isoDateSchema
})

/**
 * `clinic-profile`: the clinic's profile and logo, and its clinic-wide settings: every field of the
 * Settings form but this computer's printer and start screen (checked with the form's own rules).
 * The logo's bytes are checked again as a chosen file is (settings/logo.ts) before they are kept.
 */
export const replicaProfileSchema = clinicProfileDraftSchema
  .omit({ printerName: true, startScreen: true })
  .extend({
    type: z.literal('clinic-profile'),
    logo: z
      .object({ mime: z.enum(LOGO_MIME_TYPES), dataBase64: z.string() })
      .strict()
      .nullable()
  })

/** `front-desk:<handout id>`: whether the front desk hides the handout (all its languages). */
export const replicaFrontDeskSchema = z.object({
  type: z.literal('front-desk'),
  handoutId: slugSchema,
  hidden: z.boolean(),
  hiddenAt: isoDateSchema.nullable()
})

/** A key of an article revision or handout version: random, or from a shipped text's hash. */
const sharedKeySchema = z
  .string()
  .regex(/^(?:[0-9a-f]{20}|shipped-[0-9a-f]{24})(\.shown)*$/, 'not a revision key')
const headSchema = z.union([sharedKeySchema, z.literal('')])

/** `article:<id>`: an article's current text (the editor's limits), references, bin flag, `head`. */
export const replicaArticleSchema = articleDraftSchema.extend({
  type: z.literal('article'),
  id: slugSchema,
  references: z.array(referenceSchema),
  head: headSchema,
  createdAt: isoDateSchema.nullable(),
  updatedAt: isoDateSchema.nullable(),
  deletedAt: isoDateSchema.nullable()
})

/** `article-rev:<id>:<key>`: one revision of an article. */
export const replicaArticleRevisionSchema = articleDraftSchema.extend({
  type: z.literal('article-revision'),
  articleId: slugSchema,
  key: sharedKeySchema,
  source: z.enum(REVISION_SOURCES),
  savedAt: isoDateSchema.nullable()
})

const approvalFields = {
  handoutId: slugSchema,
  lang: langTagSchema,
  reviewStatus: reviewStatusSchema,
  approvedBy: z.string().max(120).nullable(),
  approvedOn: z.string().max(40).nullable()
}

/** `handout:<id>/<lang>`: a handout's current text (the editor's limits), approval, `head`. */
export const replicaHandoutSchema = handoutDraftSchema.extend({
  ...approvalFields,
  type: z.literal('handout'),
  isBuiltin: z.boolean(),
  referencesJson: z.string(),
  head: headSchema,
  updatedAt: isoDateSchema.nullable()
})

/** `handout-ver:<id>/<lang>:<key>`: one version of a handout, and its approval. */
export const replicaHandoutVersionSchema = handoutDraftSchema.extend({
  ...approvalFields,
  type: z.literal('handout-version'),
  key: sharedKeySchema,
  source: z.enum(HANDOUT_VERSION_SOURCES),
  savedAt: isoDateSchema.nullable()
})
