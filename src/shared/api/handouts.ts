import { z } from 'zod'
import { endpoint } from './contract'
import { emptyInput, isoDateSchema, referenceSchema, slugSchema } from './common'
import { langTagSchema, paperSchema } from './settings'

export const REVIEW_STATUSES = ['approved', 'needs-review'] as const
export const reviewStatusSchema = z.enum(REVIEW_STATUSES)
export type ReviewStatus = z.infer<typeof reviewStatusSchema>

export const HANDOUT_VERSION_SOURCES = ['builtin', 'user', 'reset', 'upgrade'] as const

export const handoutLangSummarySchema = z.object({
  lang: z.string(),
  title: z.string(),
  version: z.number().int().positive(),
  reviewStatus: reviewStatusSchema,
  isBuiltin: z.boolean(),
  /** A built-in translation the clinic has edited. */
  isModified: z.boolean()
})
export type HandoutLangSummary = z.infer<typeof handoutLangSummarySchema>

export const handoutSummarySchema = z.object({
  id: slugSchema,
  /** Title in English, else in the first language the handout has. */
  title: z.string(),
  summary: z.string(),
  isBuiltin: z.boolean(),
  /** Front matter `optional: true`: a built-in handout only some clinics use (cupping, moxibustion). */
  optional: z.boolean(),
  /** The clinic hid it: left out of the front desk and its packs, still listed and printable here. */
  hiddenFromFrontDesk: z.boolean(),
  langs: z.array(handoutLangSummarySchema)
})
export type HandoutSummary = z.infer<typeof handoutSummarySchema>

/** A pack as the front desk offers it: only the handouts the clinic shows, in the pack's order. */
export const frontDeskPackSchema = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string(),
  handoutIds: z.array(slugSchema)
})
export type FrontDeskPack = z.infer<typeof frontDeskPackSchema>

/** What the front desk offers: packs, then single handouts in front-desk order; nothing hidden. */
export const frontDeskSchema = z.object({
  packs: z.array(frontDeskPackSchema),
  handouts: z.array(handoutSummarySchema)
})
export type FrontDesk = z.infer<typeof frontDeskSchema>

export const approvalSchema = z.object({ by: z.string(), on: z.string() })

export const handoutSchema = z.object({
  id: slugSchema,
  lang: z.string(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  version: z.number().int().positive(),
  savedAt: isoDateSchema,
  reviewStatus: reviewStatusSchema,
  /** The clinic's sign-off of this version; printed in the footer when set. */
  approval: approvalSchema.nullable(),
  isBuiltin: z.boolean(),
  isModified: z.boolean(),
  /** Of the handout (every language): see `handoutSummarySchema`. */
  optional: z.boolean(),
  hiddenFromFrontDesk: z.boolean(),
  /** A newer built-in text shipped but was not applied because the clinic had edited this one. */
  builtinUpdateAvailable: z.boolean(),
  references: z.array(referenceSchema),
  /** The other languages of the same handout. */
  langs: z.array(handoutLangSummarySchema)
})
export type Handout = z.infer<typeof handoutSchema>

export const handoutVersionSchema = z.object({
  version: z.number().int().positive(),
  title: z.string(),
  savedAt: isoDateSchema,
  source: z.enum(HANDOUT_VERSION_SOURCES),
  reviewStatus: reviewStatusSchema,
  approval: approvalSchema.nullable()
})
export type HandoutVersion = z.infer<typeof handoutVersionSchema>

const title = z
  .string()
  .trim()
  .min(1, 'The title is required.')
  .max(200, 'The title is too long (200 characters at most).')
const summary = z.string().trim().max(400, 'The summary can be at most 400 characters.')
const body = z
  .string()
  .min(1, 'The handout has no text.')
  .max(100_000, 'The handout is too long (100,000 characters at most).')

export const handoutDraftSchema = z.object({ title, summary, body })
export type HandoutDraft = z.infer<typeof handoutDraftSchema>

const personName = z
  .string()
  .trim()
  .max(120, 'The name can be at most 120 characters.')
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'The name contains control characters.')

/** One handout in a print job; without `version` the current version prints. */
export const printItemSchema = z
  .object({
    id: slugSchema,
    lang: langTagSchema,
    version: z.number().int().positive().optional()
  })
  .strict()
export type PrintItem = z.infer<typeof printItemSchema>

export const printOptionsSchema = z
  .object({
    items: z
      .array(printItemSchema)
      .min(1, 'Choose a handout.')
      .max(12, 'At most 12 handouts at once.'),
    paper: paperSchema,
    largePrint: z.boolean(),
    copies: z.number().int().min(1, 'At least one copy.').max(50, 'At most 50 copies.'),
    /** Printed on the sheet only: never stored, logged or indexed. */
    patientName: personName.optional(),
    practitioner: personName.optional()
  })
  .strict()
export type PrintOptions = z.infer<typeof printOptionsSchema>

export const OUTPUT_KINDS = ['printer', 'pdf'] as const
export const outputKindSchema = z.enum(OUTPUT_KINDS)
export type OutputKind = z.infer<typeof outputKindSchema>

export const printLogEntrySchema = z.object({
  id: z.number().int().positive(),
  printedAt: isoDateSchema,
  output: outputKindSchema,
  paper: paperSchema,
  copies: z.number().int(),
  largePrint: z.boolean(),
  pageCount: z.number().int(),
  items: z.array(
    z.object({ id: z.string(), lang: z.string(), version: z.number().int(), title: z.string() })
  ),
  /** The pack these handouts make up (its handouts in its order, or the ones it showed), if any. */
  pack: z.object({ id: z.string(), label: z.string() }).nullable()
})
export type PrintLogEntry = z.infer<typeof printLogEntrySchema>

export const printResultSchema = z.object({
  status: z.enum(['printed', 'saved', 'cancelled']),
  /** Where the PDF was written ("Save as PDF"). */
  path: z.string().nullable(),
  /**
   * Names that saved PDF for `handouts:openSaved` ("Open", "Show in folder"): the page never
   * hands the core a path to open, only this token of a file the core itself wrote.
   */
  savedFileId: z.string().optional(),
  logId: z.number().int().nullable(),
  pageCount: z.number().int()
})
export type PrintResult = z.infer<typeof printResultSchema>

export const previewSchema = z.object({
  /** The exact PDF that prints, base64; the page renders it with pdf.js page by page. */
  pdfBase64: z.string(),
  pageCount: z.number().int()
})
export type HandoutPreview = z.infer<typeof previewSchema>

const idLang = z.object({ id: slugSchema, lang: langTagSchema }).strict()

export const handoutEndpoints = {
  'handouts:list': endpoint(emptyInput, z.array(handoutSummarySchema)),
  /** The packs and handouts the front desk offers: hidden handouts left out. */
  'handouts:frontDesk': endpoint(emptyInput, frontDeskSchema),
  /** Hides a handout (all its languages) from the front desk and its packs, or shows it again. */
  'handouts:setHidden': endpoint(
    z.object({ id: slugSchema, hidden: z.boolean() }).strict(),
    z.object({ id: slugSchema, hiddenFromFrontDesk: z.boolean() })
  ),
  'handouts:get': endpoint(
    idLang.extend({ version: z.number().int().positive().optional() }).strict(),
    handoutSchema
  ),
  /** A new clinic handout in one language (more languages with `handouts:addLanguage`). */
  'handouts:create': endpoint(
    handoutDraftSchema.extend({ lang: langTagSchema }).strict(),
    handoutSchema
  ),
  /** Every save is a new version; `baseVersion` must be the current one. Unknown fields are refused. */
  'handouts:save': endpoint(
    handoutDraftSchema
      .extend({ id: slugSchema, lang: langTagSchema, baseVersion: z.number().int().positive() })
      .strict(),
    handoutSchema
  ),
  /** A translation the clinic adds; it starts as "needs clinic review". */
  'handouts:addLanguage': endpoint(handoutDraftSchema.extend(idLang.shape).strict(), handoutSchema),
  'handouts:versions': endpoint(idLang, z.array(handoutVersionSchema)),
  'handouts:approve': endpoint(
    idLang
      .extend({
        version: z.number().int().positive(),
        by: personName.pipe(z.string().min(1, 'Say who approved it.')),
        on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2025-03-14.')
      })
      .strict(),
    handoutSchema
  ),
  'handouts:resetToBuiltin': endpoint(idLang, handoutSchema),
  /** The PDF of a print job exactly as it would print; `draft` previews unsaved editor text. */
  'handouts:preview': endpoint(
    printOptionsSchema
      .omit({ copies: true })
      .extend({
        draft: handoutDraftSchema.extend(idLang.shape).strict().optional()
      })
      .strict(),
    previewSchema
  ),
  /** Opens the system print dialog (or prints silently to the printer chosen in Settings). */
  'handouts:print': endpoint(printOptionsSchema, printResultSchema),
  /** Asks where to save (system dialog), then writes the PDF there. */
  'handouts:savePdf': endpoint(printOptionsSchema, printResultSchema),
  /** Opens a PDF the core saved in this session, or shows it in its folder; refuses anything else. */
  'handouts:openSaved': endpoint(
    z
      .object({
        savedFileId: z.string().regex(/^[0-9a-f]{32}$/, 'Not a saved file.'),
        action: z.enum(['open', 'showInFolder'])
      })
      .strict(),
    z.object({ done: z.literal(true) })
  ),
  'printLog:list': endpoint(
    z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(),
    z.array(printLogEntrySchema)
  ),
  /** Prints a logged job again: the same versions, languages, paper and size. */
  'printLog:reprint': endpoint(
    z
      .object({
        id: z.number().int().positive(),
        output: outputKindSchema,
        copies: z.number().int().min(1).max(50).optional(),
        patientName: personName.optional()
      })
      .strict(),
    printResultSchema
  )
}
