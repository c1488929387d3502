import { articleDraftSchema } from '../../../../shared/api/articles'
import type { ArticleCategory, ArticleDraft } from '../../../../shared/api/articles'

/** What the form holds (tags as typed: comma-separated). */
export interface FormValues {
  readonly title: string
  readonly category: ArticleCategory
  readonly tagsText: string
  readonly summary: string
  readonly body: string
}

export type FieldName = 'title' | 'category' | 'tags' | 'summary' | 'body'
export type FieldErrors = Partial<Record<FieldName, string>>

const FIELDS: readonly FieldName[] = ['title', 'category', 'tags', 'summary', 'body']

export const FIELD_LABELS: Readonly<Record<FieldName, string>> = {
  title: 'Title',
  category: 'Category',
  tags: 'Tags',
  summary: 'Summary',
  body: 'Text'
}

export function parseTags(text: string): string[] {
  const seen = new Set<string>()
  for (const raw of text.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ')
    if (tag) seen.add(tag)
  }
  return [...seen]
}

export function toDraft(values: FormValues): ArticleDraft {
  return {
    title: values.title,
    category: values.category,
    tags: parseTags(values.tagsText),
    summary: values.summary,
    body: values.body
  }
}

const isField = (value: unknown): value is FieldName =>
  typeof value === 'string' && (FIELDS as readonly string[]).includes(value)

/** Checks a draft with the contract's own schema, so the messages match what a save would say. */
export function validateDraft(
  draft: ArticleDraft
): { ok: true; value: ArticleDraft } | { ok: false; errors: FieldErrors } {
  const result = articleDraftSchema.safeParse(draft)
  if (result.success) return { ok: true, value: result.data }
  const errors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const [field, index] = issue.path
    if (!isField(field)) continue
    let message = issue.message
    if (field === 'tags' && typeof index === 'number') {
      message = `“${draft.tags[index] ?? ''}”: ${message}`
    }
    errors[field] = errors[field] ? `${errors[field]} ${message}` : message
  }
  return { ok: false, errors }
}

/**
 * The core reports invalid input as "title: The title is required.; tags.1: …". Sorts such a
 * message onto the fields; returns null when it names none.
 */
export function fieldErrorsFromMessage(message: string): FieldErrors | null {
  const errors: FieldErrors = {}
  let found = false
  for (const part of message.split(/;\s+/)) {
    const match = /^([a-z]+)(?:\.\d+)?: (.+)$/.exec(part.trim())
    const field = match?.[1]
    if (match && isField(field)) {
      errors[field] = errors[field] ? `${errors[field]} ${match[2]}` : match[2]
      found = true
    }
  }
  return found ? errors : null
}
