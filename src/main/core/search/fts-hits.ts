import { SEARCH_KINDS } from '../../../shared/api/constants'
import type { SafetyFlag, SearchHit, SearchKind, Snippet } from '../../../shared/api/search'
import type { Db } from '../db/sqlite'
import { StatementCache } from '../db/statements'
import { unspaceCjk } from './cjk-text'
import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, toSnippetSegments } from './snippet-segments'

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

const HIT_COLUMNS = `d.id, d.kind, d.item_id, d.title, d.tags_json, d.flags_json,
    d.parent_kind, d.parent_id, d.parent_title`

/**
 * The common case (no filter), two forms chosen by how many items match (measured: docs/bench.md,
 * "Search (F2)"). Few matches: FTS5 ranks with its rank column set to our bm25 weights, sorts and
 * limits inside the virtual table, so highlight() and snippet() run for the shown rows only. Many
 * matches: bm25() in an outer ORDER BY … LIMIT scores each row for about two thirds of the CPU
 * (at 100,000 items), and SQLite's top-N sorter turns away most rows before their snippet is cut.
 */
const RANK_COLUMN_HITS_SQL = `
  SELECT ${HIT_COLUMNS}, f.title_marked, f.body_marked, f.rank
  FROM (
    SELECT rowid AS id, rank,
      highlight(search_fts, 0, @open, @close) AS title_marked,
      snippet(search_fts, 1, @open, @close, '…', ${SNIPPET_TOKENS}) AS body_marked
    FROM search_fts
    WHERE search_fts MATCH @match AND rank MATCH '${RANK_FUNCTION}'
    ORDER BY rank LIMIT @limit
  ) AS f JOIN search_docs AS d ON d.id = f.id
  ORDER BY f.rank, d.title`

const BM25_HITS_SQL = `
  SELECT ${HIT_COLUMNS}, f.title_marked, f.body_marked, f.rank
  FROM (
    SELECT rowid AS id, ${RANK} AS rank,
      highlight(search_fts, 0, @open, @close) AS title_marked,
      snippet(search_fts, 1, @open, @close, '…', ${SNIPPET_TOKENS}) AS body_marked
    FROM search_fts
    WHERE search_fts MATCH @match
    ORDER BY rank LIMIT @limit
  ) AS f JOIN search_docs AS d ON d.id = f.id
  ORDER BY f.rank, d.title`

/** From this many matching items on, bm25() in an outer ORDER BY is the faster form. */
export const BM25_FORM_FROM = 5000

/**
 * Items whose title, tags or names hold a word of the query, among those every word matches:
 * `(all words) AND {title tags aliases} : (any word)`. Ranking only these skips bm25 for the
 * items that hold the words in their body alone (docs/bench.md, "the dropdown at 100,000 items").
 */
export const namedMatch = (match: string, wordMatches: readonly string[]): string =>
  `(${match}) AND {title tags aliases} : (${wordMatches.join(' OR ')})`

/** With a kind or tag filter, the filter must apply before the limit. */
const FILTERED_HITS_SQL = `
  SELECT ${HIT_COLUMNS},
    highlight(search_fts, 0, @open, @close) AS title_marked,
    snippet(search_fts, 1, @open, @close, '…', ${SNIPPET_TOKENS}) AS body_marked,
    ${RANK} AS rank
  FROM search_fts JOIN search_docs AS d ON d.id = search_fts.rowid
  WHERE search_fts MATCH @match ${KIND_FILTER} ${TAG_FILTER}
  ORDER BY rank, d.title
  LIMIT @limit`

/** Items found by name rather than text: no highlight, the opening of the body as the snippet. */
const DOCS_BY_ID_SQL = `
  SELECT ${HIT_COLUMNS}, d.title AS title_marked,
    substr(d.body, 1, 160) AS body_marked, 0 AS rank
  FROM search_docs AS d
  WHERE d.id IN (SELECT value FROM json_each(@ids)) ${KIND_FILTER} ${TAG_FILTER}`

const MATCHING_IDS_SQL = `
  SELECT rowid AS id FROM search_fts
  WHERE search_fts MATCH @match AND rowid IN (SELECT value FROM json_each(@ids))`

/**
 * Each kind owns a range of search_docs ids (KIND_ID_SPAN apart), so counting the matches of each
 * kind needs no join: the rowid says the kind. Used when there is no tag filter (the common case).
 */
export const KIND_ID_SPAN = 2 ** 40
export const kindIdBase = (kind: SearchKind): number =>
  (SEARCH_KINDS.indexOf(kind) + 1) * KIND_ID_SPAN

const COUNTS_BY_ID_RANGE_SQL = `
  SELECT rowid / ${KIND_ID_SPAN} AS k, count(*) AS n
  FROM search_fts WHERE search_fts MATCH @match
  GROUP BY k`

// Counts ignore the kinds filter on purpose: the filter chips show how many of each kind match.
const COUNTS_SQL = `
  SELECT d.kind AS kind, count(*) AS n
  FROM search_fts JOIN search_docs AS d ON d.id = search_fts.rowid
  WHERE search_fts MATCH @match ${TAG_FILTER}
  GROUP BY d.kind`

export interface HitRow {
  id: number
  kind: SearchKind
  item_id: string
  title: string
  tags_json: string
  flags_json: string
  parent_kind: SearchKind | null
  parent_id: string | null
  parent_title: string | null
  title_marked: string
  body_marked: string | null
  /** bm25: lower is better (0 for a row found by name). */
  rank: number
}

export interface HitFilters {
  /** JSON arrays of kinds and of tag keys, or null for no filter. */
  readonly kinds: string | null
  readonly tags: string | null
}

/** The FTS5 side of a search: matches, counts, and rows of items found another way. */
export class FtsHits {
  private readonly statements: StatementCache

  constructor(db: Db) {
    this.statements = new StatementCache(db)
  }

  /** The best `limit` matches; `matches` (how many items match, if known) picks the form. */
  hits(match: string, filters: HitFilters, limit: number, matches?: number): HitRow[] {
    const common = { match, limit, open: HIGHLIGHT_OPEN, close: HIGHLIGHT_CLOSE }
    if (filters.kinds !== null || filters.tags !== null) {
      return this.statements.sql(FILTERED_HITS_SQL).all({ ...common, ...filters }) as HitRow[]
    }
    const sql = (matches ?? 0) >= BM25_FORM_FROM ? BM25_HITS_SQL : RANK_COLUMN_HITS_SQL
    return this.statements.sql(sql).all(common) as HitRow[]
  }

  docs(ids: readonly number[], filters: HitFilters): HitRow[] {
    if (ids.length === 0) return []
    return this.statements
      .sql(DOCS_BY_ID_SQL)
      .all({ ids: JSON.stringify(ids), ...filters }) as HitRow[]
  }

  /** Which of the ids the expression matches. */
  matching(match: string, ids: readonly number[]): Set<number> {
    if (ids.length === 0) return new Set()
    const rows = this.statements.sql(MATCHING_IDS_SQL).all({ match, ids: JSON.stringify(ids) }) as {
      id: number
    }[]
    return new Set(rows.map((row) => row.id))
  }

  countByKind(match: string, tags: string | null): Record<string, number> {
    const counts: Record<string, number> = {}
    if (tags === null) {
      const rows = this.statements.sql(COUNTS_BY_ID_RANGE_SQL).all({ match }) as {
        k: number
        n: number
      }[]
      const known = rows.every((row) => SEARCH_KINDS[row.k - 1] !== undefined)
      if (known) {
        for (const row of rows) counts[SEARCH_KINDS[row.k - 1]!] = row.n
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

export function toHit(row: HitRow, rank: number): SearchHit {
  return {
    kind: row.kind,
    id: row.item_id,
    title: unspaceCjk(row.title),
    parent:
      row.parent_kind !== null && row.parent_id !== null
        ? {
            kind: row.parent_kind,
            id: row.parent_id,
            title: unspaceCjk(row.parent_title ?? '')
          }
        : null,
    snippet:
      row.body_marked === null ? [] : trimSnippet(toSnippetSegments(unspaceCjk(row.body_marked))),
    titleHighlighted: toSnippetSegments(unspaceCjk(row.title_marked)),
    tags: (JSON.parse(row.tags_json) as string[]).map(unspaceCjk),
    flags: JSON.parse(row.flags_json) as SafetyFlag[],
    rank
  }
}

/** Without a match in the body, FTS5 returns its opening words: fine, unless the body is empty. */
const trimSnippet = (snippet: Snippet): Snippet =>
  snippet.length === 1 && snippet[0]?.text.trim() === '' ? [] : snippet
