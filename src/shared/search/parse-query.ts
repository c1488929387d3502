/**
 * Turns what a person types into the search box into safe SQLite FTS5 MATCH expressions.
 *
 * Nothing the user types is ever passed to FTS5 as syntax: the text is cut into words (runs of
 * letters and digits), every word is quoted, and the words are joined with an explicit AND (FTS5
 * refuses an implicit AND after a parenthesised group: `("li4" OR "li 4") "neck"` is a syntax
 * error). So `"`, `*`, `NEAR(`, `OR`, `-`, `:` and unbalanced parentheses are just separators or
 * plain words, and a query can never fail with an FTS5 syntax error.
 *
 * Search-as-you-type: words are prefix matches ("twi" finds "twitch"). A word holding digits is a
 * prefix match only while it is the last word, because "bl 4" typed on the way to "bl 40" should
 * grow, but a finished "bl 4" must not also find BL 40–49. In a large library (the core says
 * which: `wholeOneLetter`) a word of one character is never a prefix: "t*" holds nearly every
 * document and costs FTS5 a merge of every word that starts with t (over 100 ms at 100,000
 * items) while narrowing nothing. Typed alone it is matched whole, and the core adds the names
 * that start with it (core/search/identity-candidates.ts); typed last after other words
 * ("neck p", on the way to "neck pain") it is left out until a second character comes.
 *
 * Point codes: "LI4", "LI 4" and "li-4" all mean the same acupoint. A code (1–3 letters then 1–3
 * digits, written joined or apart) becomes `("li4" OR "li 4")`, which finds the joined form
 * (acupoint codes are indexed as aliases like "LI4") and the spaced or hyphenated form in text.
 *
 * Chinese and Japanese: the index stores every Han or kana character as its own token
 * (core/search/cjk-text.ts), so a CJK word is matched as a phrase of its characters ("疼痛" →
 * `"疼 痛"`, any run of text holding those two characters side by side). A run typed without
 * spaces ("肩膀疼痛") is cut into words with Intl.Segmenter, and each word must match.
 */

export interface ParsedQuery {
  /** All words must match: quoted words, `*`, OR, AND, parentheses and spaces only. */
  readonly match: string
  /** Any word may match (null for a single word): the fallback when all-words finds little. */
  readonly loose: string | null
  /** Each word's own expression, in order: how many of them a hit matches ranks the fallback. */
  readonly wordMatches: readonly string[]
  /** The normalised words, in order (codes joined, e.g. "li4"), for display or client highlighting. */
  readonly terms: readonly string[]
}

/** More words than this only slows the query down without narrowing the results usefully. */
export const MAX_QUERY_TERMS = 12

// A word starts with a letter or digit; combining marks stay attached (a decomposed "é").
const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu
const JOINED_CODE_RE = /^(\p{L}{1,3})(\p{N}{1,3})$/u
const CODE_LETTERS_RE = /^\p{L}{1,3}$/u
const CODE_DIGITS_RE = /^\p{N}{1,3}$/u
const HAS_DIGIT_RE = /\p{N}/u
/** Scripts written without spaces between words, indexed one character per token. */
export const CJK_CHAR_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u
const CJK_RUN_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu

interface Term {
  /** Forms that match the term; more than one means alternatives joined with OR. */
  readonly forms: readonly string[]
  readonly display: string
  readonly hasDigits: boolean
  /** A CJK word: a phrase of characters, never a prefix. */
  readonly cjk: boolean
}

// Made on first use: creating it loads ICU's segmentation data (~10 ms of CPU), which a start of
// the main process that searches nothing need not pay (docs/architecture.md §6).
let segmenter: Intl.Segmenter | undefined

export interface ParseOptions {
  /** Words of one character are matched whole, never as prefixes (a large library: above). */
  readonly wholeOneLetter?: boolean
}

/** Returns null when the text holds no word at all: an empty search shows no hits. */
export function parseSearchQuery(text: string, options: ParseOptions = {}): ParsedQuery | null {
  const whole = options.wholeOneLetter === true
  const words = (
    text.normalize('NFC').toLowerCase().replace(CJK_RUN_RE, ' $& ').match(WORD_RE) ?? []
  ).slice(0, MAX_QUERY_TERMS * 2)
  const grouped = groupCodes(words).slice(0, MAX_QUERY_TERMS)
  const terms = whole ? withoutTrailingLetter(grouped) : grouped
  if (terms.length === 0) return null
  const parts = terms.map((term, index) => {
    const prefix =
      !term.cjk &&
      !(whole && [...term.display].length === 1) &&
      (!term.hasDigits || index === terms.length - 1)
    const forms = term.forms.map((form) => quote(form) + (prefix ? '*' : ''))
    return forms.length === 1 ? (forms[0] as string) : `(${forms.join(' OR ')})`
  })
  return {
    match: parts.join(' AND '),
    loose: parts.length > 1 ? parts.join(' OR ') : null,
    wordMatches: parts,
    terms: terms.map((term) => term.display)
  }
}

/** A last word of one character after other words is still being typed: left out (above). */
const withoutTrailingLetter = (terms: Term[]): Term[] =>
  terms.length > 1 && !terms.at(-1)!.cjk && [...terms.at(-1)!.display].length === 1
    ? terms.slice(0, -1)
    : terms

function groupCodes(words: readonly string[]): Term[] {
  const terms: Term[] = []
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string
    const next = words[i + 1]
    if (CJK_CHAR_RE.test(word)) {
      terms.push(...cjkTerms(word))
      continue
    }
    if (next !== undefined && CODE_LETTERS_RE.test(word) && CODE_DIGITS_RE.test(next)) {
      terms.push(codeTerm(word, next))
      i++
      continue
    }
    const joined = JOINED_CODE_RE.exec(word)
    if (joined) {
      terms.push(codeTerm(joined[1] as string, joined[2] as string))
      continue
    }
    terms.push({ forms: [word], display: word, hasDigits: HAS_DIGIT_RE.test(word), cjk: false })
  }
  return terms
}

/** A CJK run cut into words; each word is a phrase of its characters. */
function cjkTerms(run: string): Term[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' })
  const words = [...segmenter.segment(run)]
    .filter((s) => s.isWordLike !== false)
    .map((s) => s.segment)
  return (words.length > 0 ? words : [run]).map((word) => ({
    forms: [[...word].join(' ')],
    display: word,
    hasDigits: false,
    cjk: true
  }))
}

const codeTerm = (letters: string, digits: string): Term => ({
  forms: [`${letters}${digits}`, `${letters} ${digits}`],
  display: `${letters}${digits}`,
  hasDigits: true,
  cjk: false
})

/** FTS5 string literal: double quotes, with any inner quote doubled. */
const quote = (word: string): string => `"${word.replace(/"/g, '""')}"`
