import { textHash } from '../content/content-hash'

/**
 * The hash of what the clinic can edit in a handout's text; never change its inputs once shipped.
 * Apart from builtin-handouts.ts, whose schemas a start-up never loads (docs/architecture.md §6).
 */
export const handoutTextHash = (text: { title: string; summary: string; body: string }): string =>
  textHash({ title: text.title, summary: text.summary, body: text.body })
