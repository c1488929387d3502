import type { Db } from '../db/sqlite'
import { StatementCache } from '../db/statements'
import { BODY_MARKED, DOC_JSON, RANK, TITLE_MARKED, toTextMatch } from './fts-hits'
import type { TextMatch, TextRow } from './fts-hits'
import { ID_BOUNDS, KIND_PLACE } from './kind-counts'
import type { KindCounts } from './kind-counts'
import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN } from './snippet-segments'

/** The page's documents by bm25, ids only: no title or snippet is cut for a row turned away. */
const TOP_IDS_SQL = `
  SELECT rowid FROM search_fts WHERE search_fts MATCH @match ORDER BY ${RANK} LIMIT @limit`

/**
 * One pass over every match: each row's kind place for the counts, and for the page's rows only
 * the marked title, the snippet and what else a hit shows. The inner query's LIMIT keeps SQLite
 * from folding it into the aggregate, where FTS5's highlight() and snippet() cannot run.
 */
const PLACES_AND_PAGE_SQL = `
  SELECT ${ID_BOUNDS}, group_concat(place, '') AS places, '[' || group_concat(shown) || ']' AS page
  FROM (
    SELECT ${KIND_PLACE} AS place,
      CASE WHEN rowid IN (SELECT value FROM json_each(@ids))
        THEN json_array(rowid, ${TITLE_MARKED}, ${BODY_MARKED}, ${DOC_JSON}) END AS shown
    FROM search_fts WHERE search_fts MATCH @match
    LIMIT -1)`

/**
 * The all-words page of a search without filters, with the per-kind counts, in two passes over the
 * match: the page's ids in bm25 order, then one pass that counts the kinds and cuts the titles and
 * snippets of those ids. The other way (search-query.ts, large libraries and filters) counts first
 * and then ranks with titles and snippets; but bm25() in an ORDER BY cuts them for every row that
 * enters SQLite's top-N sorter, not only the 50 it keeps (at 10,000 items the page's ids alone
 * cost 3.6 ms, with titles and snippets 5.5), and FTS5's rank column sorts every match with its
 * positions (4.8 ms for the ids). Measured at 10,000 items (CPU means of the 7 bench queries,
 * SQL alone): count then rank column 4.76 ms, these two passes 4.10; at 1,000 items the same
 * (0.93, 0.91).
 */
export class RankedPage {
  private readonly statements: StatementCache

  constructor(
    db: Db,
    private readonly kindCounts: KindCounts
  ) {
    this.statements = new StatementCache(db)
  }

  page(match: string, limit: number): { rows: TextMatch[]; counts: Record<string, number> } {
    const ids = this.statements.sql(TOP_IDS_SQL).pluck().all({ match, limit }) as number[]
    if (ids.length === 0) return { rows: [], counts: {} }
    const [low, high, places, page] = this.statements
      .sql(PLACES_AND_PAGE_SQL)
      .raw(true)
      .get({ match, ids: JSON.stringify(ids), open: HIGHLIGHT_OPEN, close: HIGHLIGHT_CLOSE }) as [
      number | null,
      number | null,
      string | null,
      string | null
    ]
    const marked = new Map(
      (JSON.parse(page ?? '[]') as TextRow[]).map((row) => [row[0], toTextMatch(row)])
    )
    return {
      rows: ids.flatMap((id) => marked.get(id) ?? []),
      counts: this.kindCounts.fromPlaces(match, low, high, places)
    }
  }
}
