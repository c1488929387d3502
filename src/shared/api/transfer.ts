import { z } from 'zod'
import { endpoint } from './contract'
import { emptyInput, isoDateSchema, referenceSchema, slugSchema } from './common'
import { articleCategorySchema } from './articles'
import { noteIdSchema, noteTargetKindSchema } from './notes'
import { langTagSchema } from './settings'
import { reviewStatusSchema } from './handouts'

/**
 * A whole-library export: one JSON file (docs/data-safety.md, "Export and import"). Every field
 * of a file being imported is checked against these schemas, with limits, before anything is
 * written; the checksums in the manifest are checked before that.
 */
export const LIBRARY_FILE_FORMAT = 'pointbook-library'
export const LIBRARY_FILE_VERSION = 1
/** Larger than any clinic's library text (a 10,000-item library exports to ~20 MB). */
export const LIBRARY_FILE_MAX_BYTES = 200 * 1024 * 1024

const text = (max: number) => z.string().max(max)
const MAX_REVISIONS = 5_000

/**
 * Revisions (or versions) numbered 1, 2, 3… in order, the last one the current: anything else
 * would collide with the table's unique (item, number) key when written.
 */
const inOrder = (numbers: readonly number[], current: number): boolean =>
  numbers.every((n, i) => n === i + 1) && numbers[numbers.length - 1] === current
/** Every saved revision (or version) of an item, oldest first. */
const history = <T extends z.ZodType>(entry: T) => z.array(entry).min(1).max(MAX_REVISIONS)

const ORDER_MESSAGE = 'Its revisions must be numbered 1, 2, 3… in order, the last one the current.'

const articleTextSchema = z.object({
  title: text(200).min(1),
  category: articleCategorySchema,
  summary: text(400),
  body: text(500_000),
  tags: z.array(text(40)).max(30)
})

export const exportedArticleSchema = articleTextSchema
  .extend({
    id: slugSchema,
    references: z.array(referenceSchema).max(200),
    revision: z.number().int().positive(),
    createdAt: isoDateSchema,
    updatedAt: isoDateSchema,
    deletedAt: isoDateSchema.nullable(),
    revisions: history(
      articleTextSchema
        .extend({
          revision: z.number().int().positive(),
          source: z.enum(['builtin', 'user', 'restore', 'reset']),
          savedAt: isoDateSchema
        })
        .strict()
    )
  })
  .strict()
  .refine(
    (a) =>
      inOrder(
        a.revisions.map((r) => r.revision),
        a.revision
      ),
    ORDER_MESSAGE
  )
export type ExportedArticle = z.infer<typeof exportedArticleSchema>

export const exportedNoteSchema = z
  .object({
    id: noteIdSchema,
    targetKind: noteTargetKindSchema.nullable(),
    targetId: text(120).min(1).nullable(),
    body: text(100_000).min(1),
    pinned: z.boolean(),
    revision: z.number().int().positive(),
    createdAt: isoDateSchema,
    updatedAt: isoDateSchema,
    deletedAt: isoDateSchema.nullable(),
    revisions: history(
      z
        .object({
          revision: z.number().int().positive(),
          body: text(100_000),
          source: z.enum(['user', 'restore']),
          savedAt: isoDateSchema
        })
        .strict()
    )
  })
  .strict()
  .refine((note) => (note.targetKind === null) === (note.targetId === null), {
    message: 'A note has both a target kind and id, or neither.'
  })
  .refine(
    (n) =>
      inOrder(
        n.revisions.map((r) => r.revision),
        n.revision
      ),
    ORDER_MESSAGE
  )
export type ExportedNote = z.infer<typeof exportedNoteSchema>

const handoutVersionFields = {
  title: text(200).min(1),
  summary: text(1_000),
  body: text(200_000),
  reviewStatus: reviewStatusSchema,
  approvedBy: text(120).nullable(),
  approvedOn: text(40).nullable()
}

export const exportedHandoutTextSchema = z
  .object({
    handoutId: slugSchema,
    lang: langTagSchema,
    /** The handout is one of the built-in ones (a text of it the clinic edited). */
    builtinHandout: z.boolean(),
    version: z.number().int().positive(),
    ...handoutVersionFields,
    referencesJson: text(100_000),
    isBuiltin: z.boolean(),
    updatedAt: isoDateSchema,
    versions: history(
      z
        .object({
          version: z.number().int().positive(),
          ...handoutVersionFields,
          source: z.enum(['builtin', 'user', 'reset', 'upgrade']),
          savedAt: isoDateSchema
        })
        .strict()
    )
  })
  .strict()
  .refine(
    (h) =>
      inOrder(
        h.versions.map((v) => v.version),
        h.version
      ),
    ORDER_MESSAGE
  )
export type ExportedHandoutText = z.infer<typeof exportedHandoutTextSchema>

/** The clinic profile as its own settings form checks it (logo included, checked again). */
export const exportedProfileSchema = z
  .object({
    profile: z.record(z.string(), z.unknown()),
    logo: z
      .object({
        fileName: text(200).min(1),
        dataBase64: text(1_000_000)
      })
      .strict()
      .nullable()
  })
  .strict()
export type ExportedProfile = z.infer<typeof exportedProfileSchema>

/** The library's own settings (not this computer's): the handouts hidden from the front desk. */
export const exportedSettingsSchema = z
  .object({ hiddenHandouts: z.array(slugSchema).max(5_000) })
  .strict()
export type ExportedSettings = z.infer<typeof exportedSettingsSchema>

export const PART_NAMES = ['articles', 'notes', 'handouts', 'profile', 'settings'] as const
export type PartName = (typeof PART_NAMES)[number]

export const libraryFileSchema = z
  .object({
    format: z.literal(LIBRARY_FILE_FORMAT),
    formatVersion: z.literal(LIBRARY_FILE_VERSION),
    appVersion: text(60),
    schemaVersion: z.number().int().nonnegative(),
    exportedAt: isoDateSchema,
    counts: z
      .object({ articles: z.number().int(), notes: z.number().int(), handouts: z.number().int() })
      .strict(),
    sha256: z.object({
      /** Of format, formatVersion, appVersion, schemaVersion, exportedAt and counts, in that order. */
      manifest: z.string().regex(/^[0-9a-f]{64}$/),
      articles: z.string().regex(/^[0-9a-f]{64}$/),
      notes: z.string().regex(/^[0-9a-f]{64}$/),
      handouts: z.string().regex(/^[0-9a-f]{64}$/),
      settings: z.string().regex(/^[0-9a-f]{64}$/),
      profile: z.string().regex(/^[0-9a-f]{64}$/)
    }),
    parts: z
      .object({
        articles: z.array(exportedArticleSchema).max(100_000),
        notes: z.array(exportedNoteSchema).max(200_000),
        handouts: z.array(exportedHandoutTextSchema).max(20_000),
        settings: exportedSettingsSchema,
        profile: exportedProfileSchema.nullable()
      })
      .strict()
  })
  .strict()
export type LibraryFile = z.infer<typeof libraryFileSchema>

const planCountsSchema = z.object({
  add: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int()
})

export const importPlanSchema = z.object({
  /** Names this plan for `transfer:applyImport` (the file is not read again). */
  token: z.string().max(64),
  fileName: z.string().max(500),
  exportedAt: isoDateSchema,
  appVersion: z.string().max(60),
  articles: planCountsSchema,
  notes: planCountsSchema,
  handouts: planCountsSchema,
  /** Items edited differently on both sides: both texts are kept, the imported one as a new revision. */
  conflicts: z.array(
    z.object({ kind: z.enum(['article', 'note', 'handout']), id: z.string(), title: z.string() })
  ),
  profile: z.enum(['add', 'unchanged', 'keep-yours', 'none']),
  /** Handouts the file hides from the front desk that are shown here (they will be hidden). */
  hiddenHandouts: z.number().int()
})
export type ImportPlan = z.infer<typeof importPlanSchema>

export const transferEndpoints = {
  /** Writes the whole library's clinic-made content to a file the clinic chooses. */
  'transfer:exportLibrary': endpoint(
    emptyInput,
    z.object({
      savedTo: z.string().nullable(),
      articles: z.number(),
      notes: z.number(),
      handouts: z.number()
    })
  ),
  /** Reads a file the clinic chooses and says what importing it would do; changes nothing. */
  'transfer:previewImport': endpoint(emptyInput, importPlanSchema.nullable()),
  /** Applies a previewed import in one transaction, after a backup. */
  'transfer:applyImport': endpoint(
    z.object({ token: z.string().min(1).max(64) }).strict(),
    z.object({
      articles: planCountsSchema,
      notes: planCountsSchema,
      handouts: planCountsSchema,
      conflicts: z.number().int()
    })
  )
} as const
