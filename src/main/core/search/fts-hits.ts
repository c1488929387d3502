import { SEARCH_KINDS } from '../../../shared/api/constants'
import type { SafetyFlag, SearchHit, SearchKind, Snippet } from '../../../shared/api/search'
import type { Db } from '../db/sqlite'
import { StatementCache } from '../db/statements'
import { unspaceCjk } from './cjk-text'
import {
  HIGHLIGHT_CLOSE,
  HIGHLIGHT_OPEN,
  stripHighlightSentinels,
  toSnippetSegments
} from './snippet-segments'

const SNIPPET_TOKENS = 20

/**
 * bm25 column weights, in column order title, body, tags, aliases: a word in the title counts
 * ten times one in the body; an alias (a point code or other name) nearly as much as the title.
 */
const RANK_FUNCTION = 'bm25(10.0, 1.0, 4.0, 6.0)'
const RANK = 'bm25(search_fts, 10.0, 1.0, 4.0, 6.0)'

const TAG_FILTER = `
  AND (@tags IS NULL OR NOT EXISTS (
    SELECT 1 FROM json_each(@tags) AS wanted
    WHERE wanted.value NOT IN (SELECT value FROM json_each(d.tag_keys_json))
  ))`

const KIND_FILTER = `
  AND (@kinds IS NULL OR d.kind IN (SELECT value FROM json_each(@kinds)))`

/**
 * The ranked text query returns the document id and FTS5's highlighted title and snippet, not the
 * rank: FTS5 computes the rank column's bm25 again for each row that reads it (~8% of the query
 * at 1,000 items), and the rows come in rank order anyway.
 *
 * Two forms, chosen by how many items match (measured: docs/bench.md, "Search (F2)"). Few
 * matches: FTS5 ranks with its rank column set to our bm25 weights, sorts and limits inside the
 * virtual table, so highlight() and snippet() run for the shown rows only, and so does a
 * subquery for what else a hit shows (one JSON array from search_docs: 0.05 ms over the text
 * alone at 1,000 items, against 0.09 for a second statement). Many matches: bm25() in an ORDER BY
 * … LIMIT scores each row for about two thirds of the CPU (at 100,000 items), and SQLite's top-N
 * sorter turns away most rows before their snippet is cut; but a row can enter the sorter and be
 * turned away later, so the rest is read afterwards for the rows shown (docs()).
 */
const TEXT_COLUMNS = `search_fts.rowid AS id, highlight(search_fts, 0, @open, @close) AS title_marked,
    snippet(search_fts, 1, @open, @close, '…', ${SNIPPET_TOKENS}) AS body_marked`

const RANK_COLUMN_HITS_SQL = `
  SELECT ${TEXT_COLUMNS},
    (SELECT json_array(d.kind, d.item_id, d.tags_json, d.flags_json, d.parent_kind, d.parent_id,
      d.parent_title) FROM search_docs AS d WHERE d.id = search_fts.rowid) AS doc
  FROM search_fts
  WHERE search_fts MATCH @match AND rank MATCH '${RANK_FUNCTION}'
  ORDER BY rank LIMIT @limit`

const BM25_HITS_SQL = `
  SELECT ${TEXT_COLUMNS}, NULL AS doc
  FROM search_fts
  WHERE search_fts MATCH @match
  ORDER BY ${RANK} LIMIT @limit`

/**
 * From this many matching items on, bm25() in an ORDER BY is the faster form. Measured with the
 * columns above (CPU medians, bm25() / rank column): 0.99-1.10 at 5,000-7,200 matches in a library
 * of 10,000 items; at 100,000 items 0.97 at 11,800 matches, 0.88 at 17,000, 0.75 at 50,000.
 */
export const BM25_FORM_FROM = 10_000

/**
 * Items whose title, tags or names hold a word of the query, among those every word matches:
 * `(all words) AND {title tags aliases} : (any word)`. Ranking only these skips bm25 for the
 * items that hold the words in their body alone (docs/bench.md, "the dropdown at 100,000 items").
 */
export const namedMatch = (match: string, wordMatches: readonly string[]): string =>
  `(${match}) AND {title tags aliases} : (${wordMatches.join(' OR ')})`

/** With a kind or tag filter, the filter must apply before the limit. */
const FILTERED_HITS_SQL = `
  SELECT ${TEXT_COLUMNS}, NULL AS doc
  FROM search_fts JOIN search_docs AS d ON d.id = search_fts.rowid
  WHERE search_fts MATCH @match ${KIND_FILTER} ${TAG_FILTER}
  ORDER BY ${RANK}, d.title
  LIMIT @limit`

/** What a hit shows besides its text, for the text matches that make the list. */
const DOC_COLUMNS = `d.id, d.kind, d.item_id, d.tags_json, d.flags_json, d.parent_kind,
    d.parent_id, d.parent_title`

const DOCS_BY_ID_SQL = `
  SELECT ${DOC_COLUMNS} FROM search_docs AS d WHERE d.id IN (SELECT value FROM json_each(@ids))`

/** Items found by name rather than text: no highlight, the opening of the body as the snippet. */
const NAMED_DOCS_BY_ID_SQL = `
  SELECT ${DOC_COLUMNS}, d.title AS title_marked, substr(d.body, 1, 160) AS body_marked
  FROM search_docs AS d
  WHERE d.id IN (SELECT value FROM json_each(@ids)) ${KIND_FILTER} ${TAG_FILTER}`

const MATCHING_IDS_SQL = `
  SELECT rowid AS id FROM search_fts
  WHERE search_fts MATCH @match AND rowid IN (SELECT value FROM json_each(@ids))`

/**
 * Each kind owns a range of search_docs ids (KIND_ID_SPAN apart), so counting the matches of each
 * kind needs no join: the rowid says the kind. Used when there is no tag filter (the common case).
 */
const KIND_ID_BITS = 40
export const KIND_ID_SPAN = 2 ** KIND_ID_BITS
export const kindIdBase = (kind: SearchKind): number =>
  (SEARCH_KINDS.indexOf(kind) + 1) * KIND_ID_SPAN

/**
 * The matches per kind in one pass, as sums of packed counts: each matching row adds 1 << (22 ×
 * its kind's place among three kinds) to its group's sum, and a shift of 64 or more, or a negative
 * one, gives 0 in SQLite, so the other kinds add nothing there. One expression per three kinds
 * instead of a count per kind: measured (CPU medians summed over the 7 bench queries), 10,000 items 5.5 → 4.9 ms,
 * 100,000 items 85 → 77 ms; a plain count(*) is 3.1 and 44. The top field holds less than 2^19
 * (its sum must stay below 2^63): larger libraries count through the join (COUNTS_SQL). The
 * lowest and highest document ids (two index seeks) say whether every id lies in its kind's range;
 * rows written before the ranges did not.
 */
const COUNT_BITS = 22
const KINDS_PER_SUM = 3
const COUNT_MASK = 2 ** COUNT_BITS - 1
export const PACKED_COUNTS_BELOW = 2 ** (63 - COUNT_BITS * (KINDS_PER_SUM - 1))
const KIND_PLACE = `(rowid >> ${KIND_ID_BITS}) * ${COUNT_BITS}`
const PACKED_SUMS = Array.from(
  { length: Math.ceil(SEARCH_KINDS.length / KINDS_PER_SUM) },
  (_, group) =>
    `sum(1 << (${KIND_PLACE} - ${COUNT_BITS * (1 + KINDS_PER_SUM * group)})) AS s${group}`
)
const PACKED_COUNTS_SQL = `
  SELECT (SELECT min(id) FROM search_docs) AS low, (SELECT max(id) FROM search_docs) AS high,
    ${SEARCH_KINDS.map((_, i) => {
      const field = `(s${Math.floor(i / KINDS_PER_SUM)} >> ${COUNT_BITS * (i % KINDS_PER_SUM)})`
      return `coalesce(${field} & ${COUNT_MASK}, 0)`
    }).join(', ')}
  FROM (SELECT ${PACKED_SUMS.join(', ')} FROM search_fts WHERE search_fts MATCH @match)`
const FIRST_RANGED_ID = kindIdBase(SEARCH_KINDS[0])
const END_OF_RANGED_IDS = kindIdBase(SEARCH_KINDS.at(-1)!) + KIND_ID_SPAN

// Counts ignore the kinds filter on purpose: the filter chips show how many of each kind match.
const COUNTS_SQL = `
  SELECT d.kind AS kind, count(*) AS n
  FROM search_fts JOIN search_docs AS d ON d.id = search_fts.rowid
  WHERE search_fts MATCH @match ${TAG_FILTER}
  GROUP BY d.kind`

/** A text match: FTS5's title with the matched words marked, and a snippet of the body. */
export interface TextMatch {
  readonly id: number
  readonly titleMarked: string
  readonly bodyMarked: string | null
  /** The rest of the hit when the query form read it, else null (docs() reads it). */
  readonly doc: DocColumns | null
}

/** What search_docs holds for a hit besides its text (DOC_COLUMNS, in that order). */
export interface DocColumns {
  readonly id: number
  readonly kind: SearchKind
  readonly itemId: string
  readonly tagsJson: string
  readonly flagsJson: string
  readonly parentKind: SearchKind | null
  readonly parentId: string | null
  readonly parentTitle: string | null
}

/** Everything a hit is made of: an item found by text, or by name (its title unmarked). */
export type HitRow = DocColumns & Omit<TextMatch, 'id' | 'doc'>

export interface HitFilters {
  /** JSON arrays of kinds and of tag keys, or null for no filter. */
  readonly kinds: string | null
  readonly tags: string | null
}

/** DOC_COLUMNS after the id, as the rank column form's JSON array holds them. */
type DocFields = [
  SearchKind,
  string,
  string,
  string,
  SearchKind | null,
  string | null,
  string | null
]
type DocTuple = [number, ...DocFields]

/**
 * Rows come as arrays (better-sqlite3's raw mode) and become objects here: building a row object
 * with a property per column costs better-sqlite3 several times what a literal costs V8 (measured:
 * the join's columns for 50 rows, 0.13 ms as objects, 0.03 as arrays, at 1,000 items).
 */
const toDoc = (t: DocTuple): DocColumns => ({
  id: t[0],
  kind: t[1],
  itemId: t[2],
  tagsJson: t[3],
  flagsJson: t[4],
  parentKind: t[5],
  parentId: t[6],
  parentTitle: t[7]
})

/** The FTS5 side of a search: matches, counts, and rows of items found another way. */
export class FtsHits {
  private readonly statements: StatementCache

  constructor(
    db: Db,
    /** BM25_FORM_FROM, unless a test sets it to check both forms on a few items. */
    private readonly bm25FormFrom = BM25_FORM_FROM,
    /** PACKED_COUNTS_BELOW, unless a test sets it to check the join's counts on a few items. */
    private readonly packedCountsBelow = PACKED_COUNTS_BELOW
  ) {
    this.statements = new StatementCache(db)
  }

  /** The best `limit` matches in rank order; `matches` (how many items match) picks the form. */
  hits(match: string, filters: HitFilters, limit: number, matches?: number): TextMatch[] {
    const common = { match, limit, open: HIGHLIGHT_OPEN, close: HIGHLIGHT_CLOSE }
    const filtered = filters.kinds !== null || filters.tags !== null
    const sql = filtered
      ? FILTERED_HITS_SQL
      : (matches ?? 0) >= this.bm25FormFrom
        ? BM25_HITS_SQL
        : RANK_COLUMN_HITS_SQL
    const rows = this.statements
      .sql(sql)
      .raw(true)
      .all(filtered ? { ...common, ...filters } : common) as [
      number,
      string,
      string | null,
      string | null
    ][]
    return rows.map((t) => ({
      id: t[0],
      titleMarked: t[1],
      bodyMarked: t[2],
      doc: t[3] === null ? null : toDoc([t[0], ...(JSON.parse(t[3]) as DocFields)])
    }))
  }

  /** The other columns of text matches, by document id. */
  docs(ids: readonly number[]): Map<number, DocColumns> {
    const docs = new Map<number, DocColumns>()
    if (ids.length === 0) return docs
    const rows = this.statements
      .sql(DOCS_BY_ID_SQL)
      .raw(true)
      .all({ ids: JSON.stringify(ids) }) as DocTuple[]
    for (const row of rows) docs.set(row[0], toDoc(row))
    return docs
  }

  /** Items found by name, by document id, those the filters keep. */
  namedDocs(ids: readonly number[], filters: HitFilters): Map<number, HitRow> {
    const docs = new Map<number, HitRow>()
    if (ids.length === 0) return docs
    const rows = this.statements
      .sql(NAMED_DOCS_BY_ID_SQL)
      .raw(true)
      .all({ ids: JSON.stringify(ids), ...filters }) as [...DocTuple, string, string][]
    // A literal, not a spread of toDoc(): spreading an object V8 did not build from a literal
    // costs ~2 µs a row (0.11 ms for 50 names, against 0.006).
    for (const t of rows) {
      docs.set(t[0], {
        id: t[0],
        kind: t[1],
        itemId: t[2],
        tagsJson: t[3],
        flagsJson: t[4],
        parentKind: t[5],
        parentId: t[6],
        parentTitle: t[7],
        titleMarked: t[8],
        bodyMarked: t[9]
      })
    }
    return docs
  }

  /** Which of the ids the expression matches. */
  matching(match: string, ids: readonly number[]): Set<number> {
    if (ids.length === 0) return new Set()
    const rows = this.statements.sql(MATCHING_IDS_SQL).all({ match, ids: JSON.stringify(ids) }) as {
      id: number
    }[]
    return new Set(rows.map((row) => row.id))
  }

  /**
   * Matches per kind (the filter chips), without a join unless a tag filter, ids from before the
   * per-kind ranges, or a library of PACKED_COUNTS_BELOW documents or more need one.
   */
  countByKind(match: string, tags: string | null, documents: number): Record<string, number> {
    const counts: Record<string, number> = {}
    if (tags === null && documents < this.packedCountsBelow) {
      const [low, high, ...byKind] = this.statements
        .sql(PACKED_COUNTS_SQL)
        .raw(true)
        .get({ match }) as [number | null, number | null, ...number[]]
      if (low === null || (low >= FIRST_RANGED_ID && high! < END_OF_RANGED_IDS)) {
        SEARCH_KINDS.forEach((kind, i) => {
          if (byKind[i]! > 0) counts[kind] = byKind[i]!
        })
        return counts
      }
      // Rows written before ids were ranged by kind: count through the join instead.
    }
    const rows = this.statements.sql(COUNTS_SQL).all({ match, tags }) as {
      kind: string
      n: number
    }[]
    for (const { kind, n } of rows) counts[kind] = n
    return counts
  }
}

/** How a tag is compared in the tag filter: trimmed, lower case. */
export const tagKey = (tag: string): string => tag.trim().toLocaleLowerCase('en')

export function toHit(row: HitRow, rank: number): SearchHit {
  const titleMarked = unspaceCjk(row.titleMarked)
  return {
    kind: row.kind,
    id: row.itemId,
    title: stripHighlightSentinels(titleMarked),
    parent:
      row.parentKind !== null && row.parentId !== null
        ? { kind: row.parentKind, id: row.parentId, title: unspaceCjk(row.parentTitle ?? '') }
        : null,
    snippet:
      row.bodyMarked === null ? [] : trimSnippet(toSnippetSegments(unspaceCjk(row.bodyMarked))),
    titleHighlighted: toSnippetSegments(titleMarked),
    tags: jsonList<string>(row.tagsJson).map(unspaceCjk),
    flags: jsonList<SafetyFlag>(row.flagsJson),
    rank
  }
}

/** Most items have no flags and many no tags: no parse for an empty list. */
const jsonList = <T>(json: string): T[] => (json === '[]' ? [] : (JSON.parse(json) as T[]))

/** Without a match in the body, FTS5 returns its opening words: fine, unless the body is empty. */
const trimSnippet = (snippet: Snippet): Snippet =>
  snippet.length === 1 && snippet[0]?.text.trim() === '' ? [] : snippet
