/** The fake library's search: prefix matching of every word, structured highlights, counts. */
import type { SearchHit, SearchQuery, Snippet } from '../../src/shared/api/search'

export interface SearchableArticle {
  id: string
  title: string
  summary: string
  body: string
  tags: string[]
}

export function searchFake(
  articles: readonly SearchableArticle[],
  extraHits: readonly SearchHit[],
  input: SearchQuery
) {
  const terms = words(input.q)
  const articleHits: (SearchHit & { text: string })[] = articles.map((a) => ({
    kind: 'article' as const,
    id: a.id,
    title: a.title,
    parent: null,
    snippet: highlight(excerpt(`${a.summary} ${a.body}`, terms), terms),
    titleHighlighted: highlight(a.title, terms),
    tags: a.tags,
    flags: [],
    rank: -1,
    text: `${a.title} ${a.summary} ${a.body} ${a.tags.join(' ')}`
  }))
  const extra = extraHits.map((h) => ({
    ...h,
    text: `${h.title} ${h.snippet.map((s) => s.text).join('')} ${h.tags.join(' ')}`
  }))
  const matching = [...articleHits, ...extra].filter(
    (h) =>
      terms.length > 0 &&
      terms.every((t) => words(h.text).some((w) => w.startsWith(t))) &&
      (!input.tags || input.tags.every((t) => h.tags.includes(t)))
  )
  const countsByKind: Record<string, number> = {}
  for (const h of matching) countsByKind[h.kind] = (countsByKind[h.kind] ?? 0) + 1
  const hits = matching
    .filter((h) => !input.kinds || input.kinds.includes(h.kind))
    .slice(0, input.limit ?? 20)
    .map(({ text: _text, ...hit }) => hit)
  return { q: input.q, hits, countsByKind }
}

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []

function excerpt(text: string, terms: readonly string[]): string {
  const plain = text
    .replace(/[#*`>[\]()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  const lower = plain.toLowerCase()
  const positions = terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0)
  const at = positions.length > 0 ? Math.min(...positions) : 0
  const start = Math.max(0, at - 30)
  return (start > 0 ? '…' : '') + plain.slice(start, start + 120)
}

/** Splits text into segments, highlighting every word that starts with one of the terms. */
export function highlight(text: string, terms: readonly string[]): Snippet {
  const segments: Snippet = []
  let last = 0
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0]
    const at = match.index ?? 0
    if (!terms.some((t) => word.toLowerCase().startsWith(t))) continue
    if (at > last) segments.push({ text: text.slice(last, at), highlight: false })
    segments.push({ text: word, highlight: true })
    last = at + word.length
  }
  if (last < text.length) segments.push({ text: text.slice(last), highlight: false })
  return segments
}
