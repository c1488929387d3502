import type { ArticleCategory } from '../../../shared/api/articles'
import { textHash } from '../content/content-hash'

/** What a revision holds: the editable text of an article. */
export interface ArticleText {
  readonly title: string
  readonly body: string
  readonly category: ArticleCategory
  readonly tags: readonly string[]
  readonly summary: string
}

/** Trimmed tags, duplicates (ignoring case) dropped, first spelling kept, order kept. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>()
  const result: string[] = []
  for (const raw of tags) {
    const tag = raw.trim()
    const key = tagKey(tag)
    if (tag === '' || seen.has(key)) continue
    seen.add(key)
    result.push(tag)
  }
  return result
}

export const tagKey = (tag: string): string => tag.trim().toLocaleLowerCase('en')

export function normaliseText(text: ArticleText): ArticleText {
  return {
    title: text.title.trim(),
    body: text.body.replace(/\r\n?/g, '\n'),
    category: text.category,
    tags: normaliseTags(text.tags),
    summary: text.summary.trim()
  }
}

/**
 * Hash of an article's editable text. Shipped: never change what goes in, or every built-in
 * article would look edited (see builtin-tracking.ts).
 */
export const articleTextHash = (text: ArticleText): string =>
  textHash(['article-text-v1', text.title, text.body, text.category, text.tags, text.summary])

export const sameText = (a: ArticleText, b: ArticleText): boolean =>
  articleTextHash(a) === articleTextHash(b)
