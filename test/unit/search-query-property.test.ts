/**
 * No search text can make a query fail (issue 9): random text, FTS5 syntax, brackets, quotes,
 * NUL, emoji, right-to-left scripts, CJK and point codes mixed with words all parse to
 * expressions that SQLite's FTS5 accepts, run on a real FTS5 table with the app's tokenizer.
 */
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { parseSearchQuery } from '../../src/shared/search/parse-query'

const db = new Database(':memory:')
db.exec(`
  CREATE VIRTUAL TABLE f USING fts5 (title, body,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4');
  INSERT INTO f VALUES ('LI4 Hegu', 'bl 40 neck C5-C6 épaule 肩\u200b膀\u200b疼\u200b痛');
`)
afterAll(() => db.close())
const count = db.prepare('SELECT count(*) AS n FROM f WHERE f MATCH ?')

/** Pieces a hostile or careless search is made of. */
const PIECES = [
  '"',
  "'",
  '(',
  ')',
  '*',
  '^',
  ':',
  '-',
  '+',
  'AND',
  'OR',
  'NOT',
  'NEAR(',
  'NEAR/2',
  '{',
  '}',
  'title:',
  'li4',
  'LI 4',
  'bl 40',
  'st36',
  'C5-C6',
  'c7 t1',
  'Du20',
  'ren 12',
  'neck',
  'épaule',
  'Hégǔ',
  '合谷',
  '肩膀疼痛',
  'IMS治疗',
  'ひらがな',
  'カタカナ',
  'مرحبا',
  'שלום',
  '\u202e',
  '\u200b',
  '\u0000',
  '😀',
  '👩‍⚕️',
  '\ud800',
  ' ',
  '\t',
  '\n',
  '0',
  '007',
  'x'.repeat(60)
]
const piece = fc.oneof(
  fc.constantFrom(...PIECES),
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' })
)
const searchText = fc
  .array(fc.tuple(piece, fc.constantFrom('', ' ', '-')), { maxLength: 30 })
  .map((parts) =>
    parts
      .map(([text, gap]) => text + gap)
      .join('')
      .slice(0, 200)
  )

describe('search text never makes a query fail', () => {
  it('parses any text into expressions FTS5 runs without an error', () => {
    fc.assert(
      fc.property(searchText, (text) => {
        const parsed = parseSearchQuery(text)
        if (parsed === null) return
        for (const expression of [parsed.match, parsed.loose, ...parsed.wordMatches]) {
          if (expression === null) continue
          expect(() => count.get(expression)).not.toThrow()
        }
      }),
      { numRuns: 2000 }
    )
  })

  it('finds what the table holds for the queries of the issue', () => {
    for (const q of ['bl 40 neck', 'C5-C6', '(LI4) "neck', 'epaule', '疼痛', '肩膀', 'li4 疼痛']) {
      const parsed = parseSearchQuery(q)
      expect((count.get(parsed?.match) as { n: number }).n, q).toBe(1)
    }
    // "AND" typed as a word must be in the text for all-words; the any-word fallback finds it.
    const typedAnd = parseSearchQuery('(LI4) AND "neck')
    expect((count.get(typedAnd?.match) as { n: number }).n).toBe(0)
    expect((count.get(typedAnd?.loose) as { n: number }).n).toBe(1)
  })
})
