/**
 * Turns what a person types into the search box into a safe SQLite FTS5 MATCH expression.
 *
 * Nothing the user types is ever passed to FTS5 as syntax: the text is cut into words (runs of
 * letters and digits), every word is quoted, and the words are joined with FTS5's implicit AND. So
 * `"`, `*`, `NEAR(`, `OR`, `-`, `:` and unbalanced parentheses are just separators or plain words,
 * and a query can never fail with an FTS5 syntax error.
 *
 * Search-as-you-type: words are prefix matches ("twi" finds "twitch"). A word holding digits is a
 * prefix match only while it is the last word, because "bl 4" typed on the way to "bl 40" should
 * grow, but a finished "bl 4" must not also find BL 40–49.
 *
 * Point codes: "LI4", "LI 4" and "li-4" all mean the same acupoint. A code (1–3 letters then 1–3
 * digits, written joined or apart) becomes `("li4" OR "li 4")`, which finds the joined form
 * (acupoint codes are indexed as aliases like "LI4") and the spaced or hyphenated form in text.
 */

export interface ParsedQuery {
  /** The FTS5 MATCH expression; only quoted words, `*`, OR, parentheses and spaces. */
  readonly match: string
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

interface Term {
  /** Forms that match the term; more than one means alternatives joined with OR. */
  readonly forms: readonly string[]
  readonly display: string
  readonly hasDigits: boolean
}

/** Returns null when the text holds no word at all: an empty search shows no hits. */
export function parseSearchQuery(text: string): ParsedQuery | null {
  const words = (text.normalize('NFC').toLowerCase().match(WORD_RE) ?? []).slice(
    0,
    MAX_QUERY_TERMS * 2
  )
  const terms = groupCodes(words).slice(0, MAX_QUERY_TERMS)
  if (terms.length === 0) return null
  const parts = terms.map((term, index) => {
    const prefix = !term.hasDigits || index === terms.length - 1
    const forms = term.forms.map((form) => quote(form) + (prefix ? '*' : ''))
    return forms.length === 1 ? forms[0] : `(${forms.join(' OR ')})`
  })
  return { match: parts.join(' '), terms: terms.map((term) => term.display) }
}

function groupCodes(words: readonly string[]): Term[] {
  const terms: Term[] = []
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string
    const next = words[i + 1]
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
    terms.push({ forms: [word], display: word, hasDigits: HAS_DIGIT_RE.test(word) })
  }
  return terms
}

const codeTerm = (letters: string, digits: string): Term => ({
  forms: [`${letters}${digits}`, `${letters} ${digits}`],
  display: `${letters}${digits}`,
  hasDigits: true
})

/** FTS5 string literal: double quotes, with any inner quote doubled. */
const quote = (word: string): string => `"${word.replace(/"/g, '""')}"`
