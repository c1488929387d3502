import type { SearchKind } from '../../../shared/api/search'

/**
 * What an item is called, as opposed to what its text mentions: a point's codes in every
 * convention, its pinyin with and without tones, its characters and English name; a muscle's name
 * and abbreviations; a handout's or article's title. A search for one of these puts the item
 * above any text match (search-ranking.ts), so "KI1" finds KI1 before KI17 and before articles
 * that mention it.
 */
export interface IdentityTerm {
  /** Folded (foldIdentity): "LI-4" → "li4", "Hégǔ" → "hegu", "Trapezius (upper fibres)" → … */
  readonly term: string
  /** 0 for the item's own names; 1 for a part (a trigger point), which yields to its muscle. */
  readonly weight: number
}

/** Kinds whose titles are parts of something else: found by name, but after the whole. */
const PART_KINDS: ReadonlySet<SearchKind> = new Set(['trigger-point'])

/** Names longer than this are sentences, not names: a prefix of one is still useful, up to here. */
const MAX_TERM_LENGTH = 80

/**
 * Lower case, accents, tone marks and zero-width spaces off, only letters and digits, and a
 * number's leading zeros dropped after letters: "Li.04", "LI 4" and "li4" all fold to "li4";
 * "épaule" to "epaule"; "合谷" stays "合谷".
 */
export function foldIdentity(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .replace(/(\p{L})0+(?=\p{N})/gu, '$1')
    .slice(0, MAX_TERM_LENGTH)
}

/** The name with any parenthesised part left out: "Trapezius (upper fibres)" → "Trapezius". */
const withoutBrackets = (name: string): string => name.replace(/\([^)]*\)/g, ' ')

export function identityTerms(doc: {
  readonly kind: SearchKind
  readonly title: string
  readonly aliases: readonly string[]
}): IdentityTerm[] {
  const weight = PART_KINDS.has(doc.kind) ? 1 : 0
  const terms = new Set<string>()
  for (const name of [doc.title, ...doc.aliases]) {
    for (const form of [name, withoutBrackets(name)]) {
      const folded = foldIdentity(form)
      if (folded !== '') terms.add(folded)
    }
  }
  return [...terms].map((term) => ({ term, weight }))
}
