import { z } from 'zod'
import { articleDraftSchema } from '../../../shared/api/articles'
import { referenceSchema, slugSchema } from '../../../shared/api/common'
import type { Reference } from '../../../shared/api/common'
import type { ArticleText } from './article-text'

/**
 * Front matter of resources/content/articles/<id>.md (docs/content-format.md). Built-in text
 * obeys the same limits as what a user can type (articleDraftSchema), plus a version and at least
 * one reference.
 */
export const builtinArticleFrontMatterSchema = articleDraftSchema.omit({ body: true }).extend({
  id: slugSchema,
  summary: z.string().trim().min(1, 'A summary is required.').max(400),
  contentVersion: z.number().int().positive('contentVersion must be a positive whole number.'),
  references: z.array(referenceSchema).min(1, 'At least one reference is required.')
})
export type BuiltinArticleFrontMatter = z.infer<typeof builtinArticleFrontMatterSchema>

/** What the tracking table keeps of a shipped article (for "reset to built-in"). */
export const builtinArticleContentSchema = articleDraftSchema.extend({
  id: slugSchema,
  references: z.array(referenceSchema)
})
export type BuiltinArticleContent = z.infer<typeof builtinArticleContentSchema>

export const contentText = (content: BuiltinArticleContent): ArticleText => ({
  title: content.title,
  body: content.body,
  category: content.category,
  tags: content.tags,
  summary: content.summary
})

export const contentReferences = (content: BuiltinArticleContent): readonly Reference[] =>
  content.references
