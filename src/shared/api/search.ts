import { z } from 'zod'
import { endpoint } from './contract'
import { SEARCH_KINDS, SEARCH_TEXT_MAX } from './constants'

export { SEARCH_KINDS, SEARCH_TEXT_MAX }

export const searchKindSchema = z.enum(SEARCH_KINDS)
export type SearchKind = z.infer<typeof searchKindSchema>

/** Safety flags shown wherever a flagged item appears. */
export const SAFETY_FLAGS = [
  'pregnancy',
  'pneumothorax',
  'chest-wall',
  'vessel',
  'nerve',
  'eye',
  'deep-bleeding',
  'other'
] as const
export const safetyFlagSchema = z.enum(SAFETY_FLAGS)
export type SafetyFlag = z.infer<typeof safetyFlagSchema>

/**
 * A snippet is structured text, not HTML: the renderer wraps highlighted parts in <mark>, so no
 * markup from the database ever reaches the page.
 */
export const snippetSchema = z.array(z.object({ text: z.string(), highlight: z.boolean() }))
export type Snippet = z.infer<typeof snippetSchema>

export const searchHitSchema = z.object({
  kind: searchKindSchema,
  id: z.string(),
  title: z.string(),
  /** Where the hit belongs when it is part of something else (a trigger point's muscle, a note's item). */
  parent: z.object({ kind: searchKindSchema, id: z.string(), title: z.string() }).nullable(),
  snippet: snippetSchema,
  titleHighlighted: snippetSchema,
  tags: z.array(z.string()),
  flags: z.array(safetyFlagSchema),
  /** Place in the ranking (search-ranking.ts): 0 is the best hit. */
  rank: z.number()
})
export type SearchHit = z.infer<typeof searchHitSchema>

export const searchQuerySchema = z
  .object({
    q: z
      .string()
      .max(SEARCH_TEXT_MAX, `The search text is too long (${SEARCH_TEXT_MAX} characters at most).`),
    kinds: z.array(searchKindSchema).max(SEARCH_KINDS.length).optional(),
    tags: z.array(z.string().max(40)).max(10).optional(),
    limit: z.number().int().min(1).max(200).optional(),
    /** The reader's language (BCP 47): its hits come before the same item in other languages. */
    lang: z.string().max(35).optional()
  })
  .strict()
export type SearchQuery = z.infer<typeof searchQuerySchema>

export const searchEndpoints = {
  'search:query': endpoint(
    searchQuerySchema,
    z.object({
      q: z.string(),
      hits: z.array(searchHitSchema),
      /** Per-kind counts of all matches (before the limit), for the filter chips. */
      countsByKind: z.record(z.string(), z.number()),
      /**
       * A word matched nothing and the library holds a word close to it: the query with the
       * nearest words. `applied`: the hits are those of this text, because the typed one had none.
       */
      didYouMean: z.object({ text: z.string(), applied: z.boolean() }).nullable()
    })
  )
}
