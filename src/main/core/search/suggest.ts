import { distance } from 'fastest-levenshtein'
import type { Db } from '../db/sqlite'
import { StatementCache } from '../db/statements'

/** Shorter words are too easily one edit from something else to be corrected. */
const MIN_WORD_LENGTH = 4

/** Edits allowed: one for a short word, two from eight letters on ("infraspinatous"). */
const maxEdits = (word: string): number => (word.length >= 8 ? 2 : 1)

/**
 * "Did you mean …?": the indexed word nearest to a word that matches nothing, by edit distance
 * (fastest-levenshtein) over FTS5's own vocabulary (the fts5vocab table search_vocab, migration
 * 005: it reads the live index and works on a read-only library), so a suggestion is always
 * a word the library holds. Candidates share the first letter (a typo there is rare, and it keeps
 * the scan to one slice of the vocabulary); a tie goes to the word in more documents.
 */
export class Suggester {
  private readonly statements: StatementCache

  constructor(db: Db) {
    this.statements = new StatementCache(db)
  }

  /** True when the word is a token of the index (the tokenizer's folded form). */
  known(word: string): boolean {
    return (
      this.statements.sql('SELECT 1 FROM search_vocab WHERE term = ?').get(fold(word)) !== undefined
    )
  }

  /** In how many documents the word (the tokenizer's folded form) is indexed. */
  documentFrequency(word: string): number {
    const row = this.statements
      .sql('SELECT doc FROM search_vocab WHERE term = ?')
      .get(fold(word)) as { doc: number } | undefined
    return row?.doc ?? 0
  }

  /** The nearest indexed word, or null when none is close enough (or the word is known). */
  nearest(word: string): string | null {
    const folded = fold(word)
    if ([...folded].length < MIN_WORD_LENGTH || !/^\p{L}+$/u.test(folded)) return null
    if (this.known(folded)) return null
    const first = String.fromCodePoint(folded.codePointAt(0) as number)
    const rows = this.statements
      .sql(
        `SELECT term, doc FROM search_vocab
         WHERE term >= @first AND term < @first || @after AND length(term) BETWEEN @min AND @max`
      )
      .all({
        first,
        after: String.fromCodePoint(0x10ffff),
        min: folded.length - maxEdits(folded),
        max: folded.length + maxEdits(folded)
      }) as { term: string; doc: number }[]
    let best: { term: string; edits: number; doc: number } | null = null
    for (const row of rows) {
      const edits = distance(folded, row.term)
      if (edits > maxEdits(folded)) continue
      if (best === null || edits < best.edits || (edits === best.edits && row.doc > best.doc)) {
        best = { term: row.term, edits, doc: row.doc }
      }
    }
    return best?.term ?? null
  }
}

/** The tokenizer's folding (unicode61 remove_diacritics 2): lower case, accents off. */
const fold = (word: string): string =>
  word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFC')
