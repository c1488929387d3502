import { z } from 'zod'
import { endpoint } from './contract'
import { emptyInput, isoDateSchema, okOutput } from './common'
import { searchKindSchema } from './search'

/** What a practitioner's note can belong to (or nothing: a stand-alone note). */
export const NOTE_TARGET_KINDS = ['muscle', 'trigger-point', 'acupoint', 'article'] as const
export const noteTargetKindSchema = z.enum(NOTE_TARGET_KINDS)
export type NoteTargetKind = z.infer<typeof noteTargetKindSchema>

export const noteTargetSchema = z
  .object({
    kind: noteTargetKindSchema,
    id: z
      .string()
      .min(1)
      .max(120)
      .regex(/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/, 'Not a valid item id.')
  })
  .strict()
export type NoteTarget = z.infer<typeof noteTargetSchema>

export const noteIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/, 'Not a valid note id.')

export const NOTE_MAX_LENGTH = 100_000

/**
 * "100,000", as toLocaleString('en') writes it: that call at module load made every start of the
 * main process load ICU's number data (~10 ms of CPU, docs/bench.md) for one message.
 */
const NOTE_MAX_LENGTH_TEXT = String(NOTE_MAX_LENGTH).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

const noteBodySchema = z
  .string()
  .max(NOTE_MAX_LENGTH, `A note can be at most ${NOTE_MAX_LENGTH_TEXT} characters.`)
  .refine((body) => body.trim().length > 0, 'The note is empty.')

export const noteSchema = z.object({
  id: noteIdSchema,
  /** What the note belongs to, with its current title (null for a stand-alone note). */
  target: z
    .object({
      kind: noteTargetKindSchema,
      id: z.string(),
      title: z.string(),
      /** A trigger point's muscle (where it is shown). */
      parentId: z.string().nullable(),
      /** False when the item no longer exists (for example a deleted article). */
      exists: z.boolean()
    })
    .nullable(),
  /** The first line of the note, without markdown marks. */
  title: z.string(),
  /** Markdown; render with renderMarkdown (sanitized, inert). */
  body: z.string(),
  /** The `#tags` written in the text (notes-text.ts), each once; in the search as tags. */
  tags: z.array(z.string()),
  /**
   * The `[[kind:id|Label]]` links of the text (notes-text.ts), each once, as the library has them
   * now: `exists` false for an item since deleted (shown as missing, never as a broken link).
   */
  links: z.array(
    z.object({
      kind: searchKindSchema,
      id: z.string(),
      /** The item's title now (the label written in the note when it no longer exists). */
      title: z.string(),
      parent: z.object({ kind: searchKindSchema, id: z.string(), title: z.string() }).nullable(),
      exists: z.boolean()
    })
  ),
  pinned: z.boolean(),
  revision: z.number().int().positive(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema
})
export type Note = z.infer<typeof noteSchema>

export const noteRevisionSchema = z.object({
  revision: z.number().int().positive(),
  title: z.string(),
  body: z.string(),
  source: z.enum(['user', 'restore']),
  savedAt: isoDateSchema
})
export type NoteRevision = z.infer<typeof noteRevisionSchema>

/**
 * Which draft: the one of an existing note (`noteId`), or of a new note for an item (`target`)
 * or standing alone (neither). The core turns it into one key, so there is one draft per place.
 */
export const draftRefSchema = z
  .object({ noteId: noteIdSchema.optional(), target: noteTargetSchema.nullable().optional() })
  .strict()
export type DraftRef = z.infer<typeof draftRefSchema>

export const noteDraftSchema = z.object({
  noteId: noteIdSchema.nullable(),
  target: noteTargetSchema.nullable(),
  body: z.string(),
  /** The revision of the note the draft was started from (null for a new note). */
  baseRevision: z.number().int().positive().nullable(),
  savedAt: isoDateSchema
})
export type NoteDraft = z.infer<typeof noteDraftSchema>

export const notesEndpoints = {
  /**
   * Notes, pinned first then most recently updated. With `targets`: the notes of those items
   * (a muscle page asks for the muscle and its trigger points); with `standalone`: only notes that
   * belong to nothing; with neither: every note.
   */
  'notes:list': endpoint(
    z
      .object({
        targets: z.array(noteTargetSchema).max(50).optional(),
        standalone: z.boolean().optional()
      })
      .strict(),
    z.array(noteSchema)
  ),
  'notes:get': endpoint(z.object({ id: noteIdSchema }).strict(), noteSchema),
  'notes:create': endpoint(
    z
      .object({
        target: noteTargetSchema.nullable(),
        body: noteBodySchema,
        pinned: z.boolean().optional()
      })
      .strict(),
    noteSchema
  ),
  /** Saves a new revision; `baseRevision` must be the current one (nobody saved in between). */
  'notes:update': endpoint(
    z
      .object({
        id: noteIdSchema,
        body: noteBodySchema,
        baseRevision: z.number().int().positive()
      })
      .strict(),
    noteSchema
  ),
  /**
   * Attaches the note to an item (a stand-alone note started on the Notes screen) or, with
   * `target: null`, detaches it. Its text and revisions are unchanged.
   */
  'notes:setTarget': endpoint(
    z.object({ id: noteIdSchema, target: noteTargetSchema.nullable() }).strict(),
    noteSchema
  ),
  'notes:setPinned': endpoint(
    z.object({ id: noteIdSchema, pinned: z.boolean() }).strict(),
    noteSchema
  ),
  /** Moves the note to the bin (undo with `notes:undelete`). */
  'notes:delete': endpoint(
    z.object({ id: noteIdSchema }).strict(),
    z.object({ id: noteIdSchema, deletedAt: isoDateSchema })
  ),
  'notes:undelete': endpoint(z.object({ id: noteIdSchema }).strict(), noteSchema),
  'notes:revisions': endpoint(z.object({ id: noteIdSchema }).strict(), z.array(noteRevisionSchema)),
  'notes:restoreRevision': endpoint(
    z.object({ id: noteIdSchema, revision: z.number().int().positive() }).strict(),
    noteSchema
  ),
  /** Keeps what is being typed (called a moment after each keystroke); survives a crash. */
  'notes:saveDraft': endpoint(
    draftRefSchema
      .extend({
        body: z.string().max(NOTE_MAX_LENGTH),
        baseRevision: z.number().int().positive().nullable().optional()
      })
      .strict(),
    z.object({ savedAt: isoDateSchema })
  ),
  'notes:getDraft': endpoint(draftRefSchema, noteDraftSchema.nullable()),
  'notes:discardDraft': endpoint(draftRefSchema, okOutput),
  /** Every unsaved draft (the notes screen offers to resume them). */
  'notes:drafts': endpoint(emptyInput, z.array(noteDraftSchema))
}
