import { z } from 'zod'
import { endpoint } from './contract'
import { slugSchema } from './common'
import { paperSchema } from './settings'

/*
 * Explain mode's printed sheet: one page, "Where your pain may come from", with the clinic's
 * header, the body map with one muscle's trigger points and referred pain, and plain words.
 * Made by the handouts' print pipeline (core/print/explain-sheet.ts); not kept in the print log,
 * which is for reprinting handout versions (docs/handouts.md).
 */
export const explainSheetInputSchema = z
  .object({
    muscleId: slugSchema,
    /** Left out: the clinic's default paper (Settings). */
    paper: paperSchema.optional()
  })
  .strict()
export type ExplainSheetInput = z.infer<typeof explainSheetInputSchema>

export const explainSheetResultSchema = z.object({
  status: z.enum(['printed', 'saved', 'cancelled']),
  /** Where the PDF was written ("Save as PDF"). */
  path: z.string().nullable(),
  /** Pages of the saved PDF (always 1); 0 when printed (the printer does not say). */
  pageCount: z.number().int().nonnegative()
})
export type ExplainSheetResult = z.infer<typeof explainSheetResultSchema>

export const explainEndpoints = {
  /** Prints the sheet (the system dialog, or the clinic's chosen printer). */
  'explain:print': endpoint(explainSheetInputSchema, explainSheetResultSchema),
  /** Saves the sheet as a PDF where the clinic chooses. */
  'explain:savePdf': endpoint(explainSheetInputSchema, explainSheetResultSchema)
}
