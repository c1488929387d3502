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
export const RANK = 'bm25(search_fts, 10.0, 1.0, 4.0, 6.0)'

export const TAG_FILTER = `
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
export const TITLE_MARKED = 'highlight(search_fts, 0, @open, @close)'
export const BODY_MARKED = `snippet(search_fts, 1, @open, @close, '…', ${SNIPPET_TOKENS})`
/** What else a hit shows, for the current row of search_fts, as one JSON array (DocFields). */
export const DOC_JSON = `(SELECT json_array(d.kind, d.item_id, d.tags_json, d.flags_json,
    d.parent_kind, d.parent_id, d.parent_title) FROM search_docs AS d WHERE d.id = search_fts.rowid)`
const TEXT_COLUMNS = `search_fts.rowid AS id, ${TITLE_MARKED} AS title_marked,
    ${BODY_MARKED} AS body_marked`

const RANK_COLUMN_HITS_SQL = `
  SELECT ${TEXT_COLUMNS}, ${DOC_JSON} AS doc
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
export type DocFields = [
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

/**
 * A text match as the queries return it: id, marked title, snippet, and DOC_JSON or null. DOC_JSON
 * is text in a query's column, and an array already inside the JSON of ranked-page.ts.
 */
export type TextRow = [number, string, string | null, string | DocFields | null]

export const toTextMatch = (t: TextRow): TextMatch => ({
  id: t[0],
  titleMarked: t[1],
  bodyMarked: t[2],
  doc:
    t[3] === null
      ? null
      : toDoc([t[0], ...(typeof t[3] === 'string' ? (JSON.parse(t[3]) as DocFields) : t[3])])
})

/** The FTS5 side of a search: matches, and rows of items found another way. */
export class FtsHits {
  private readonly statements: StatementCache

  constructor(
    db: Db,
    /** BM25_FORM_FROM, unless a test sets it to check both forms on a few items. */
    private readonly bm25FormFrom = BM25_FORM_FROM
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
      .all(filtered ? { ...common, ...filters } : common) as TextRow[]
    return rows.map(toTextMatch)
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
