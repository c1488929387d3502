import { existsSync, readdirSync } from 'node:fs'
import { readShippedText } from '../content/shipped-file'
import { join } from 'node:path'
import { z } from 'zod'
import { referenceSchema, slugSchema } from '../../../shared/api/common'
import { reviewStatusSchema } from '../../../shared/api/handouts'
import type { ReviewStatus } from '../../../shared/api/handouts'
import type { Reference } from '../../../shared/api/common'
import { checkFields, describeFieldProblems } from '../../../shared/handouts/fields'
import { LANG_TAG_RE } from '../../../shared/handouts/languages'
import { ContentFileError, parseFrontMatter } from '../content/front-matter'
import { handoutTextHash } from './handout-text'
import type { ShippedItem } from '../content/builtin-tracking'

/** Tracking kind for built-in handout texts; the item id is `<handout-id>/<lang>`. */
export const HANDOUT_KIND = 'handout'

export const handoutItemId = (id: string, lang: string): string => `${id}/${lang}`

/** What a built-in handout file holds (docs/content-format.md), as stored for "reset to built-in". */
export interface BuiltinHandoutContent {
  readonly id: string
  readonly lang: string
  readonly title: string
  readonly summary: string
  readonly body: string
  readonly reviewStatus: ReviewStatus
  readonly references: readonly Reference[]
  readonly contentVersion: number
  /**
   * Front matter `optional: true`: a handout only some clinics use (cupping, moxibustion). Shown at
   * the front desk like any other, labelled "Optional" on the Handouts screens so a clinic that
   * does not use it can hide it (HandoutService.setHidden).
   */
  readonly optional?: boolean
}

const frontMatterSchema = z
  .object({
    id: slugSchema,
    lang: z.string().regex(LANG_TAG_RE),
    title: z.string().min(1).max(200),
    summary: z.string().max(400),
    contentVersion: z.number().int().positive(),
    reviewStatus: reviewStatusSchema,
    optional: z.boolean().optional(),
    references: z.array(referenceSchema).min(1, 'A built-in handout needs references.')
  })
  .strict()

export { handoutTextHash }

export function parseBuiltinHandout(
  text: string,
  dirId: string,
  fileLang: string
): BuiltinHandoutContent {
  const { data, body } = parseFrontMatter(text, frontMatterSchema)
  if (data.id !== dirId) {
    throw new ContentFileError(`The id "${data.id}" does not match its folder "${dirId}".`)
  }
  if (data.lang !== fileLang) {
    throw new ContentFileError(
      `The lang "${data.lang}" does not match the file name "${fileLang}.md".`
    )
  }
  const problems = checkFields(body)
  if (problems.length > 0) throw new ContentFileError(describeFieldProblems(problems))
  return { ...data, body }
}

export interface LoadedBuiltins {
  readonly items: ShippedItem<BuiltinHandoutContent>[]
  /** Files that could not be used, with the reason (reported as warnings, never fatal). */
  readonly problems: string[]
}

/** Reads resources/content/handouts/<id>/<lang>.md. */
export function loadBuiltinHandouts(resourcesDir: string): LoadedBuiltins {
  const dir = join(resourcesDir, 'content', 'handouts')
  const items: ShippedItem<BuiltinHandoutContent>[] = []
  const problems: string[] = []
  if (!existsSync(dir)) return { items, problems }
  for (const id of readdirSync(dir).sort()) {
    const handoutDir = join(dir, id)
    let files: string[]
    try {
      files = readdirSync(handoutDir)
        .filter((f) => f.endsWith('.md'))
        .sort()
    } catch {
      continue
    }
    for (const file of files) {
      const lang = file.slice(0, -3)
      try {
        const content = parseBuiltinHandout(readShippedText(join(handoutDir, file)), id, lang)
        items.push({
          kind: HANDOUT_KIND,
          id: handoutItemId(id, lang),
          contentVersion: content.contentVersion,
          textHash: handoutTextHash(content),
          content
        })
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        problems.push(`Built-in handout ${id}/${file} was not imported: ${reason}`)
      }
    }
  }
  return { items, problems }
}
