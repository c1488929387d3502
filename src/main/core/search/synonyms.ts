import { existsSync } from 'node:fs'
import { readShippedText } from '../content/shipped-file'
import { join } from 'node:path'
import { parseYaml } from '../content/yaml'
import { z } from 'zod'
import { referenceSchema, slugSchema } from '../../../shared/api/common'
import { describeZodError } from '../api/dispatch'
import { foldIdentity } from './identity-terms'
import { SYNONYMS_FOLDER } from './synonym-folder'

/** What a shipped synonym phrase stands for at query time. */
export interface SynonymMeaning {
  /** Names searched as if typed instead ("traps" → "trapezius"). */
  readonly means: readonly string[]
  /** Muscles the phrase leads with, best first ("tennis elbow" → supinator, …). */
  readonly muscles: readonly string[]
  /** Acupoint codes it leads with, after the muscles ("pregnancy points" → LI4, SP6, …). */
  readonly points: readonly string[]
}

const phrase = z.string().trim().min(1)

/** resources/content/search/synonyms.yaml (docs/content-format.md). */
export const synonymFileSchema = z
  .object({
    abbreviations: z.array(
      z.object({ phrases: z.array(phrase).min(1), means: z.array(phrase).min(1) }).strict()
    ),
    conditions: z.array(
      z
        .object({
          phrases: z.array(phrase).min(1),
          muscles: z.array(slugSchema).default([]),
          points: z.array(z.string().regex(/^[A-Z]{2}\d{1,2}$/)).default([]),
          /** Words the atlas text of every listed item contains: the support for the mapping. */
          evidence: z.array(phrase).min(1),
          references: z.array(referenceSchema).min(1)
        })
        .strict()
        .refine(
          (c) => c.muscles.length + c.points.length > 0,
          'A condition needs muscles or points.'
        )
    )
  })
  .strict()
export type SynonymFile = z.infer<typeof synonymFileSchema>

export { SYNONYMS_FOLDER }
const SYNONYMS_FILE = 'synonyms.yaml'

/** Reads and checks the shipped file; throws with a readable reason when it is not valid. */
export function loadSynonymFile(resourcesDir: string): SynonymFile | null {
  const path = join(resourcesDir, 'content', SYNONYMS_FOLDER, SYNONYMS_FILE)
  if (!existsSync(path)) return null
  const parsed = synonymFileSchema.safeParse(parseYaml(readShippedText(path)))
  if (!parsed.success) {
    throw new Error(`Built-in search synonyms: ${describeZodError(parsed.error)}`)
  }
  return parsed.data
}

/** Folded phrase → meaning; a phrase listed twice gets both meanings. */
export function synonymEntries(file: SynonymFile): Map<string, SynonymMeaning> {
  const entries = new Map<string, SynonymMeaning>()
  const add = (text: string, meaning: SynonymMeaning): void => {
    const key = foldIdentity(text)
    const known = entries.get(key)
    entries.set(key, {
      means: [...(known?.means ?? []), ...meaning.means],
      muscles: [...(known?.muscles ?? []), ...meaning.muscles],
      points: [...(known?.points ?? []), ...meaning.points]
    })
  }
  for (const entry of file.abbreviations) {
    for (const text of entry.phrases) add(text, { means: entry.means, muscles: [], points: [] })
  }
  for (const entry of file.conditions) {
    for (const text of entry.phrases) {
      add(text, { means: [], muscles: entry.muscles, points: entry.points })
    }
  }
  return entries
}
