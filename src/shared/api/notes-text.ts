import { SEARCH_KINDS } from './constants'
import type { SearchKind } from './search'

/**
 * What a note's text may carry besides markdown: `[[kind:id|Label]]` links to any item of the one
 * search (kind as in SEARCH_KINDS, id as the search knows it, the label as it was when inserted)
 * and `#tags`. The core and the renderer read them with these functions, so both agree on what
 * is a link and what is plain text: anything that does not match stays text, never an error.
 */
export interface NoteLinkRef {
  /** The whole `[[…]]` as written. */
  readonly raw: string
  readonly kind: SearchKind
  readonly id: string
  /** The text shown for the link (the item's title when it was inserted). */
  readonly label: string
}

const KIND_ALTERNATIVES = SEARCH_KINDS.join('|')
/** Ids as the search index has them: 'infraspinatus', 'LI4', 'after-ims/en', a note's uuid. */
const ID = '[A-Za-z0-9][A-Za-z0-9._/-]{0,119}'
const LINK_SOURCE = `\\[\\[(${KIND_ALTERNATIVES}):(${ID})(?:\\|([^\\]\\n|]{1,200}))?\\]\\]`
// Fenced and inline code is shown as code: a link or tag written inside it is neither.
const CODE = /^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$|`[^`\n]*`/gm

/** The links of a note's text, in order (the same item may appear more than once). */
export function parseNoteLinks(body: string): NoteLinkRef[] {
  const text = body.replace(CODE, (code) => ' '.repeat(code.length))
  return [...text.matchAll(new RegExp(LINK_SOURCE, 'g'))].map((match) => ({
    raw: match[0],
    kind: match[1] as SearchKind,
    id: match[2] as string,
    label: (match[3] ?? match[2] ?? '').trim() || (match[2] as string)
  }))
}

/** The text with every link replaced (by its label, or what `replace` makes of it). */
export function replaceNoteLinks(
  body: string,
  replace: (link: NoteLinkRef) => string = (link) => link.label
): string {
  const links = parseNoteLinks(body)
  if (links.length === 0) return body
  let out = ''
  let from = 0
  const text = body.replace(CODE, (code) => ' '.repeat(code.length))
  for (const match of text.matchAll(new RegExp(LINK_SOURCE, 'g'))) {
    const index = match.index
    const link = links.shift()
    if (!link) break
    out += body.slice(from, index) + replace(link)
    from = index + match[0].length
  }
  return out + body.slice(from)
}

/** `[[muscle:infraspinatus|Infraspinatus]]`: the text the editor inserts for an item. */
export function noteLinkText(kind: SearchKind, id: string, label: string): string {
  const clean = label
    .replace(/[\]|\n]+/g, ' ')
    .trim()
    .slice(0, 200)
  return `[[${kind}:${id}${clean && clean !== id ? `|${clean}` : ''}]]`
}

/**
 * `#tags`: a # at the start of a line or after a space, then a letter, then letters, digits, _ or
 * -. So `# Heading`, `C#`, `#1` and `page#anchor` are not tags. Each tag once (first spelling),
 * compared without case.
 */
const TAG = /(?<=^|[\s(])#(\p{L}[\p{L}\p{N}_-]{0,39})/gu

export function parseNoteTags(body: string): string[] {
  const text = body.replace(CODE, ' ')
  const seen = new Map<string, string>()
  for (const match of text.matchAll(TAG)) {
    const tag = (match[1] as string).replace(/[-_]+$/, '')
    const key = tag.toLocaleLowerCase()
    if (!seen.has(key)) seen.set(key, tag)
  }
  return [...seen.values()]
}

/** The `[[` being typed just before the caret, and what follows it (the autocomplete's query). */
export function openLinkQuery(textBeforeCaret: string): { start: number; query: string } | null {
  const start = textBeforeCaret.lastIndexOf('[[')
  if (start < 0) return null
  const query = textBeforeCaret.slice(start + 2)
  if (query.includes(']]') || query.includes('\n') || query.length > 60) return null
  return { start, query }
}
