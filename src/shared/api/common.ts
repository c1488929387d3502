import { z } from 'zod'

/** A stable kebab-case identifier (article slugs, handout ids, muscle ids). */
export const slugSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens.')

export const tagSchema = z
  .string()
  .trim()
  .min(1, 'A tag cannot be empty.')
  .max(40, 'A tag can be at most 40 characters.')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} -]*$/u, 'Tags use letters, digits, spaces and hyphens.')

/** ISO-8601 timestamp as stored and shown. */
export const isoDateSchema = z.string().min(10).max(40)

export const referenceSchema = z.object({
  authors: z.string().min(1),
  title: z.string().min(1),
  year: z.union([z.number().int(), z.string().min(1)]),
  source: z.string().min(1),
  url: z.string().optional(),
  note: z.string().optional()
})
export type Reference = z.infer<typeof referenceSchema>

export const emptyInput = z.object({}).strict()

export const okOutput = z.object({ ok: z.literal(true) })
