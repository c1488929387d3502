import { SEARCH_KINDS } from '../../../shared/api/constants'
import type { SearchQuery } from '../../../shared/api/search'
import type { ApiOutput } from '../../../shared/api'
import { CJK_CHAR_RE, parseSearchQuery } from '../../../shared/search/parse-query'
import type { ParsedQuery } from '../../../shared/search/parse-query'
import type { Db } from '../db/sqlite'
import { StatementCache } from '../db/statements'
import { FtsHits, namedMatch, tagKey, toHit } from './fts-hits'
import type { DocColumns, HitFilters, HitRow, TextMatch } from './fts-hits'
import { identityCandidates } from './identity-candidates'
import type { IdentityRepo } from './identity-repo'
import { KindCounts } from './kind-counts'
import { RankedPage } from './ranked-page'
import { TIER, bestPlacements, preferLanguage } from './search-ranking'
import type { RankedCandidate, Tier } from './search-ranking'
import { Suggester } from './suggest'

export type SearchResult = ApiOutput<'search:query'>

const DEFAULT_SEARCH_LIMIT = 50
/** Fewer all-words matches than this, and the any-word fallback fills the list up. */
const FEW_HITS = 3
/**
 * In a large library the any-word fallback leaves out words in more than this share of the
 * documents ("and", "between"): they rank nothing, and an OR over them makes FTS5 score nearly
 * every document (at 100,000 items, most of the fallback's cost). The rarest indexed word always
 * stays. A small library is scored whole: there a share says little, and it costs little.
 */
const COMMON_WORD_SHARE = 0.3
const COMMON_WORDS_FROM = 2000
/**
 * From this many documents on, a word of one character is matched whole rather than as a
 * prefix, and names starting with it are looked up instead (shared/search/parse-query.ts): at
 * 100,000 items "t*" costs over 100 ms of CPU; at 10,000, 15 ms, which a small library can pay.
 */
const WHOLE_ONE_LETTER_FROM = 30_000
/**
 * From this many all-words matches on (a very common word in a large library: "needle", "pain",
 * "tr" at 100,000 items), the items with a query word in their title, tags or names are ranked
 * first, and the body-only matches only when those do not fill the list: scoring every match
 * costs more than the dropdown's 50 ms (docs/bench.md). Title hits lead bm25's own order too
 * (title weight 10): measured, 7 of the dropdown's 8 hits and 43-50 of 50 are the same items.
 */
const NAMES_FIRST_FROM = 10_000
/**
 * Below this many documents, a search without filters ranks its page first and counts the kinds
 * in the pass that cuts the page's snippets (ranked-page.ts: at 10,000 items 14% less CPU in SQL
 * than counting first). In a larger library a broad match (10,000 items, NAMES_FIRST_FROM) is
 * common, and it must be counted before it is ranked: names and titles first, or bm25() over every
 * match. Here a match that broad holds half the library or more; it is ranked again.
 */
const RANK_FIRST_BELOW = 20_000
/** How many any-word matches are ranked by words matched (bm25 picks them first). */
const FALLBACK_POOL = 60
/** The app's language: English hits before the same handout in another language. */
const APP_LANGUAGE = 'en'

export interface SearchIndexOptions {
  /**
   * The clinic's default handout language (the clinic profile), asked only when a query's hits
   * hold a handout: its version comes first when the query names no language, then the app's.
   */
  readonly clinicLanguage?: () => string
  /** The large-library rules' thresholds (below): tests set them low to check them on a few items. */
  readonly wholeOneLetterFrom?: number
  readonly namesFirstFrom?: number
  /** From how many matches the ranked query is bm25() in an ORDER BY (fts-hits.ts). */
  readonly bm25FormFrom?: number
  /** The per-kind counts through the join even where the rowids say the kind (kind-counts.ts). */
  readonly countsThroughJoin?: boolean
  /** Below how many documents the page is ranked before it is counted (RANK_FIRST_BELOW). */
  readonly rankFirstBelow?: number
}

interface Pass {
  readonly result: SearchResult
  /** How many items every word matches (0: a candidate for a spelling suggestion). */
  readonly allWordsCount: number
  readonly byName: number
}

/**
 * A search of the one index (search-index.ts holds its writes): names before text
 * (search-ranking.ts), the all-words match counted per kind and ranked in the form the count picks
 * (fts-hits.ts), the any-word fallback when all-words finds little, and a corrected query when a
 * word is not in the library (suggest.ts).
 */
export class SearchQueries {
  private readonly statements: StatementCache
  private readonly fts: FtsHits
  private readonly kindCounts: KindCounts
  private readonly rankedPage: RankedPage
  private readonly suggester: Suggester
  /** Documents in the index, for the fallback's common words; null after a write. */
  private documents: number | null = null

  constructor(
    db: Db,
    private readonly identity: IdentityRepo,
    private readonly options: SearchIndexOptions = {}
  ) {
    this.statements = new StatementCache(db)
    this.fts = new FtsHits(db, options.bm25FormFrom)
    this.kindCounts = new KindCounts(db, options.countsThroughJoin)
    this.rankedPage = new RankedPage(db, this.kindCounts)
    this.suggester = new Suggester(db)
  }

  /** The index was written to: what is known of its documents is read again when next needed. */
  changed(): void {
    this.documents = null
  }

  query(query: SearchQuery): SearchResult {
    const first = this.pass(query.q, query)
    if (first.allWordsCount > 0 || first.byName > 0) return first.result
    const corrected = this.corrected(query.q)
    if (corrected === null) return first.result
    const second = this.pass(corrected, query)
    if (second.allWordsCount === 0 && second.byName === 0) {
      return { ...first.result, didYouMean: { text: corrected, applied: false } }
    }
    return { ...second.result, q: query.q, didYouMean: { text: corrected, applied: true } }
  }

  /** The query with each word the library does not hold replaced by its nearest word, or null. */
  private corrected(q: string): string | null {
    const parsed = this.parse(q)
    if (parsed === null) return null
    let changed = false
    const words = parsed.terms.map((term) => {
      if (CJK_CHAR_RE.test(term)) return term
      const nearest = this.suggester.nearest(term)
      if (nearest === null) return term
      changed = true
      return nearest
    })
    return changed ? words.join(' ') : null
  }

  private parse(q: string): ParsedQuery | null {
    return parseSearchQuery(q, { wholeOneLetter: this.largeLibrary() })
  }

  /** Large enough that a one-letter word is no prefix (WHOLE_ONE_LETTER_FROM). */
  private largeLibrary(): boolean {
    return this.documentCount() >= (this.options.wholeOneLetterFrom ?? WHOLE_ONE_LETTER_FROM)
  }

  /** Documents in the index (counted again after a write). */
  private documentCount(): number {
    this.documents ??= (
      this.statements.sql('SELECT count(*) AS n FROM search_docs').get() as { n: number }
    ).n
    return this.documents
  }

  private pass(q: string, query: SearchQuery): Pass {
    const countsByKind = emptyCounts()
    const parsed = this.parse(q)
    if (parsed === null) {
      return {
        result: { q, hits: [], countsByKind, didYouMean: null },
        allWordsCount: 0,
        byName: 0
      }
    }
    const limit = query.limit ?? DEFAULT_SEARCH_LIMIT
    const filters: HitFilters = {
      kinds: query.kinds && query.kinds.length > 0 ? JSON.stringify(query.kinds) : null,
      tags: query.tags && query.tags.length > 0 ? JSON.stringify(query.tags.map(tagKey)) : null
    }

    const text = new Map<number, TextMatch>()
    const candidates: RankedCandidate[] = []
    const page = this.allWordsPage(parsed, filters, limit)
    let counts = page.counts
    const allWordsCount = total(counts)
    const allWords = page.rows
    allWords.forEach((row, place) => {
      text.set(row.id, row)
      candidates.push({ docId: row.id, tier: TIER.allWords, primary: 0, secondary: place })
    })
    let textCut = allWords.length >= limit
    const telling = allWordsCount < FEW_HITS ? this.tellingWords(parsed) : []
    if (telling.length > 0) {
      const loose = telling.join(' OR ')
      const someWords = this.someWords(loose, telling, filters, text)
      candidates.push(...someWords)
      counts = this.kindCounts.count(loose, filters.tags)
      textCut = someWords.length >= FALLBACK_POOL
    }

    const byName = identityCandidates(this.identity, q, limit, this.largeLibrary())
    const placed = bestPlacements([...candidates, ...byName])
    // Rows only for names that can still make the list (twice the limit: a filter may drop some).
    const named = this.fts.namedDocs(
      placed
        .slice(0, limit * 2)
        .map((c) => c.docId)
        .filter((id) => !text.has(id)),
      filters
    )
    // A hit found by name only adds to the counts, unless the text match holds it too. While the
    // text rows were not cut by the limit, an item outside them is outside the match; once they
    // were, the counts are already at least the limit and a name hit is most likely in them
    // (checking would cost a third full evaluation of the match), so it is not added.
    if (!textCut) for (const row of named.values()) counts[row.kind] = (counts[row.kind] ?? 0) + 1

    const shown = placed.filter((c) => text.has(c.docId) || named.has(c.docId)).slice(0, limit)
    const docs = this.fts.docs(shown.map((c) => c.docId).filter((id) => text.get(id)?.doc === null))
    const rows: { row: HitRow; tier: Tier }[] = []
    for (const { docId, tier } of shown) {
      const found = text.get(docId)
      const doc = found ? (found.doc ?? docs.get(docId)) : named.get(docId)
      if (doc === undefined) continue
      rows.push({ row: found ? withText(doc, found) : (doc as HitRow), tier })
    }
    const hits = preferLanguage(
      rows.map(({ row, tier }) => ({ kind: row.kind, id: row.itemId, tier, row })),
      () => this.wantedLanguages(q, query.lang)
    ).map(({ row }, i) => toHit(row, i))
    Object.assign(countsByKind, counts)
    return {
      result: { q, hits, countsByKind, didYouMean: null },
      allWordsCount,
      byName: byName.filter((c) => text.has(c.docId) || named.has(c.docId)).length
    }
  }

  /**
   * The all-words matches in bm25 order, and how many of each kind there are. Without filters, in
   * a library of fewer than RANK_FIRST_BELOW documents, ranked first and counted in the pass that
   * cuts the page's titles and snippets (ranked-page.ts). Else counted first: the count picks the
   * ranked query's form, and whether names and titles lead (rankedText).
   */
  private allWordsPage(
    parsed: ParsedQuery,
    filters: HitFilters,
    limit: number
  ): { counts: Record<string, number>; rows: TextMatch[] } {
    const unfiltered = filters.kinds === null && filters.tags === null
    if (unfiltered && this.documentCount() < (this.options.rankFirstBelow ?? RANK_FIRST_BELOW)) {
      const { counts, rows } = this.rankedPage.page(parsed.match, limit)
      // A match of most of such a library (rare) has names and titles ranked first there.
      return { counts, rows: this.rankedText(parsed, filters, limit, total(counts), rows) }
    }
    const counts = this.kindCounts.count(parsed.match, filters.tags)
    return { counts, rows: this.rankedText(parsed, filters, limit, total(counts)) }
  }

  /** The all-words matches in bm25 order: names and titles first in a very broad match. */
  private rankedText(
    parsed: ParsedQuery,
    filters: HitFilters,
    limit: number,
    matches: number,
    /** The same matches already ranked, if read (ranked-page.ts), for when names do not fill the page. */
    ranked?: TextMatch[]
  ): TextMatch[] {
    if (matches >= (this.options.namesFirstFrom ?? NAMES_FIRST_FROM)) {
      const named = this.fts.hits(
        namedMatch(parsed.match, parsed.wordMatches),
        filters,
        limit,
        matches
      )
      if (named.length >= limit) return named
    }
    return ranked ?? this.fts.hits(parsed.match, filters, limit, matches)
  }

  /**
   * The languages whose handout versions come first, most wanted first: Chinese for a query in
   * Chinese characters (whatever the app's language), else the language the request names, else
   * the clinic's default handout language; the app's language after it.
   */
  private wantedLanguages(q: string, lang: string | undefined): string[] {
    if (CJK_CHAR_RE.test(q)) return ['zh']
    if (lang !== undefined) return [lang]
    const clinic = this.options.clinicLanguage?.()
    return clinic === undefined ? [APP_LANGUAGE] : [clinic, APP_LANGUAGE]
  }

  /**
   * The word expressions the any-word fallback ORs (none for a one-word query): all but the
   * common words, and at least the rarest. CJK words are kept (their characters are the tokens).
   */
  private tellingWords(parsed: ParsedQuery): string[] {
    if (parsed.loose === null) return []
    const documents = this.documentCount()
    const words = parsed.terms.map((term, i) => ({
      match: parsed.wordMatches[i] as string,
      frequency: CJK_CHAR_RE.test(term) ? 0 : this.suggester.documentFrequency(term)
    }))
    if (documents < COMMON_WORDS_FROM) return words.map((w) => w.match)
    const common = COMMON_WORD_SHARE * documents
    const indexed = words.filter((w) => w.frequency > 0)
    const rarest = indexed.reduce<(typeof words)[number] | null>(
      (a, b) => (a === null || b.frequency < a.frequency ? b : a),
      null
    )
    return words.filter((w) => w.frequency <= common || w === rarest).map((w) => w.match)
  }

  /** Any-word matches, ranked by how many of the words they hold, then bm25. */
  private someWords(
    loose: string,
    words: readonly string[],
    filters: HitFilters,
    text: Map<number, TextMatch>
  ): RankedCandidate[] {
    const pool = this.fts.hits(loose, filters, FALLBACK_POOL)
    const ids = pool.map((row) => row.id)
    const wordsMatched = new Map<number, number>()
    for (const word of words) {
      for (const id of this.fts.matching(word, ids)) {
        wordsMatched.set(id, (wordsMatched.get(id) ?? 0) + 1)
      }
    }
    return pool.map((row, place) => {
      if (!text.has(row.id)) text.set(row.id, row)
      return {
        docId: row.id,
        tier: TIER.someWords,
        primary: -(wordsMatched.get(row.id) ?? 0),
        secondary: place
      }
    })
  }
}

const withText = (doc: DocColumns, text: TextMatch): HitRow => ({
  id: doc.id,
  kind: doc.kind,
  itemId: doc.itemId,
  tagsJson: doc.tagsJson,
  flagsJson: doc.flagsJson,
  parentKind: doc.parentKind,
  parentId: doc.parentId,
  parentTitle: doc.parentTitle,
  titleMarked: text.titleMarked,
  bodyMarked: text.bodyMarked
})

const total = (counts: Record<string, number>): number =>
  Object.values(counts).reduce((a, b) => a + b, 0)

const emptyCounts = (): Record<string, number> =>
  Object.fromEntries(SEARCH_KINDS.map((kind) => [kind, 0]))
