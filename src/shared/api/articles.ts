import { z } from 'zod'
import { endpoint } from './contract'
import {
  isoDateSchema,
  referenceSchema,
  slugSchema,
  tagSchema,
  emptyInput,
  okOutput
} from './common'

export const ARTICLE_CATEGORIES = [
  'acupuncture',
  'ims',
  'dry-needling',
  'safety',
  'course-of-care',
  'reference'
] as const
export const articleCategorySchema = z.enum(ARTICLE_CATEGORIES)
export type ArticleCategory = z.infer<typeof articleCategorySchema>

export const articleSummarySchema = z.object({
  id: slugSchema,
  title: z.string(),
  category: articleCategorySchema,
  tags: z.array(z.string()),
  summary: z.string(),
  updatedAt: isoDateSchema,
  /** Shipped with the app (as opposed to written by the clinic). */
  isBuiltin: z.boolean(),
  /** A built-in article the clinic has edited since it was imported. */
  isModified: z.boolean(),
  deletedAt: isoDateSchema.nullable()
})
export type ArticleSummary = z.infer<typeof articleSummarySchema>

const linkSchema = z.object({ id: slugSchema, title: z.string() })

export const articleSchema = articleSummarySchema.extend({
  body: z.string(),
  references: z.array(referenceSchema),
  /** Number of the current revision; an update must name it (optimistic concurrency). */
  revision: z.number().int().positive(),
  links: z.object({ outgoing: z.array(linkSchema), incoming: z.array(linkSchema) }),
  /** A newer built-in text shipped but was not applied because the clinic had edited it. */
  builtinUpdateAvailable: z.boolean()
})
export type Article = z.infer<typeof articleSchema>

/** What a user can write; validated with messages a person can act on. */
export const articleDraftSchema = z.object({
  title: z.string().trim().min(1, 'The title is required.').max(200, 'The title is too long.'),
  body: z.string().max(500_000, 'The article is too long (500,000 characters at most).'),
  category: articleCategorySchema,
  tags: z.array(tagSchema).max(30, 'At most 30 tags.'),
  summary: z.string().trim().max(400, 'The summary can be at most 400 characters.')
})
export type ArticleDraft = z.infer<typeof articleDraftSchema>

export const REVISION_SOURCES = ['builtin', 'user', 'restore', 'reset'] as const
export const revisionSummarySchema = z.object({
  revision: z.number().int().positive(),
  title: z.string(),
  savedAt: isoDateSchema,
  source: z.enum(REVISION_SOURCES)
})
export type RevisionSummary = z.infer<typeof revisionSummarySchema>

export const revisionDetailSchema = revisionSummarySchema.extend({
  body: z.string(),
  category: articleCategorySchema,
  tags: z.array(z.string()),
  summary: z.string()
})
export type RevisionDetail = z.infer<typeof revisionDetailSchema>

const idInput = z.object({ id: slugSchema }).strict()

export const articleEndpoints = {
  'articles:list': endpoint(
    z
      .object({
        category: articleCategorySchema.optional(),
        tag: z.string().max(40).optional(),
        includeDeleted: z.boolean().optional()
      })
      .strict(),
    z.array(articleSummarySchema)
  ),
  'articles:get': endpoint(idInput, articleSchema),
  'articles:create': endpoint(articleDraftSchema.strict(), articleSchema),
  'articles:update': endpoint(
    articleDraftSchema
      .extend({ id: slugSchema, baseRevision: z.number().int().positive() })
      .strict(),
    articleSchema
  ),
  /** Moves the article to the bin; `articles:undelete` brings it back. */
  'articles:delete': endpoint(idInput, z.object({ id: slugSchema, deletedAt: isoDateSchema })),
  'articles:undelete': endpoint(idInput, articleSchema),
  'articles:revisions': endpoint(idInput, z.array(revisionSummarySchema)),
  'articles:revision': endpoint(
    z.object({ id: slugSchema, revision: z.number().int().positive() }).strict(),
    revisionDetailSchema
  ),
  'articles:restoreRevision': endpoint(
    z.object({ id: slugSchema, revision: z.number().int().positive() }).strict(),
    articleSchema
  ),
  'articles:resetToBuiltin': endpoint(idInput, articleSchema),
  'articles:tags': endpoint(emptyInput, z.array(z.object({ tag: z.string(), count: z.number() }))),
  /** Rendered mermaid SVG, cached by diagram source so reopening and printing need no mermaid run. */
  'diagrams:get': endpoint(
    z.object({ source: z.string().min(1).max(50_000) }).strict(),
    z.object({ svg: z.string().nullable() })
  ),
  'diagrams:put': endpoint(
    z
      .object({ source: z.string().min(1).max(50_000), svg: z.string().min(1).max(2_000_000) })
      .strict(),
    okOutput
  )
}
