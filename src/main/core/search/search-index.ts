import { SEARCH_KINDS } from '../../../shared/api/search'
import type {
  SafetyFlag,
  SearchHit,
  SearchKind,
  SearchQuery,
  Snippet
} from '../../../shared/api/search'
import type { ApiOutput } from '../../../shared/api'
import { parseSearchQuery } from '../../../shared/search/parse-query'
import type { Db } from '../db/sqlite'
import { StatementCache } from '../db/statements'
import {
  HIGHLIGHT_CLOSE,
  HIGHLIGHT_OPEN,
  stripHighlightSentinels,
  toSnippetSegments
} from './snippet-segments'

/** One searchable item of any kind; every feature hands its items to the index in this shape. */
export interface SearchDocument {
  readonly kind: SearchKind
  readonly id: string
  readonly title: string
  /** Plain text (not markdown or HTML): it is what snippets are cut from. */
  readonly body: string
  readonly tags: readonly string[]
  /** Other names the item is found by: acupoint codes ("LI4"), pinyin, English names. */
  readonly aliases?: readonly string[]
  readonly parent?: {
    readonly kind: SearchKind
    readonly id: string
    readonly title: string
  } | null
  readonly flags?: readonly SafetyFlag[]
}

export type SearchResult = ApiOutput<'search:query'>

export const DEFAULT_SEARCH_LIMIT = 50
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

const HIT_COLUMNS = `d.kind, d.item_id, d.title, d.tags_json, d.flags_json,
    d.parent_kind, d.parent_id, d.parent_title`

/**
 * The common case (no filter): FTS5 ranks with its rank column set to our bm25 weights, sorts and
 * limits inside the virtual table, so highlight() and snippet() run for the shown rows only.
 * Measured at 10,000 items (docs/bench.md), faster than bm25() in an outer ORDER BY … LIMIT.
 */
const UNFILTERED_HITS_SQL = `
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

/**
 * Each kind owns a range of search_docs ids (KIND_ID_SPAN apart), so counting the matches of each
 * kind needs no join: the rowid says the kind. Used when there is no tag filter (the common case).
 */
const KIND_ID_SPAN = 2 ** 40
const kindIdBase = (kind: SearchKind): number => (SEARCH_KINDS.indexOf(kind) + 1) * KIND_ID_SPAN

const NEXT_ID_SQL = `(SELECT coalesce(max(id), @base) + 1 FROM search_docs
  WHERE id >= @base AND id < @base + ${KIND_ID_SPAN})`

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

interface HitRow {
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
  rank: number
}

/**
 * The one full-text index over every kind of item (docs/architecture.md §5): one search box finds articles,
 * handouts, muscles, trigger points, acupoints and notes. Features call upsert/remove inside the
 * same transaction as the save that changed the item, so the index never drifts from the data.
 */
export class SearchIndex {
  private readonly statements: StatementCache

  constructor(db: Db) {
    this.statements = new StatementCache(db)
  }

  upsert(doc: SearchDocument): void {
    const tags = doc.tags.map(clean)
    const aliases = (doc.aliases ?? []).map(clean)
    this.statements
      .sql(
        `INSERT INTO search_docs (id, kind, item_id, title, body, tags, aliases, tags_json,
           tag_keys_json, flags_json, parent_kind, parent_id, parent_title)
         VALUES (${NEXT_ID_SQL}, @kind, @id, @title, @body, @tags, @aliases, @tagsJson, @tagKeysJson, @flagsJson,
           @parentKind, @parentId, @parentTitle)
         ON CONFLICT (kind, item_id) DO UPDATE SET title = excluded.title, body = excluded.body,
           tags = excluded.tags, aliases = excluded.aliases, tags_json = excluded.tags_json,
           tag_keys_json = excluded.tag_keys_json, flags_json = excluded.flags_json,
           parent_kind = excluded.parent_kind, parent_id = excluded.parent_id,
           parent_title = excluded.parent_title`
      )
      .run({
        base: kindIdBase(doc.kind),
        kind: doc.kind,
        id: doc.id,
        title: clean(doc.title),
        body: clean(doc.body),
        // Tags and aliases are separated by a line break so words of two tags never form a phrase.
        tags: tags.join('\n'),
        aliases: aliases.join('\n'),
        tagsJson: JSON.stringify(tags),
        tagKeysJson: JSON.stringify(tags.map(tagKey)),
        flagsJson: JSON.stringify(doc.flags ?? []),
        parentKind: doc.parent?.kind ?? null,
        parentId: doc.parent?.id ?? null,
        parentTitle: doc.parent ? clean(doc.parent.title) : null
      })
  }

  remove(kind: SearchKind, id: string): void {
    this.statements.sql('DELETE FROM search_docs WHERE kind = ? AND item_id = ?').run(kind, id)
  }

  /** Drops every document of a kind (a feature rebuilding its part of the index). */
  removeKind(kind: SearchKind): void {
    this.statements.sql('DELETE FROM search_docs WHERE kind = ?').run(kind)
  }

  /** Rebuilds the full-text index from search_docs (recovery; never needed in normal use). */
  rebuild(): void {
    this.statements.sql("INSERT INTO search_fts (search_fts) VALUES ('rebuild')").run()
  }

  query(query: SearchQuery): SearchResult {
    const parsed = parseSearchQuery(query.q)
    const countsByKind = emptyCounts()
    if (parsed === null) return { q: query.q, hits: [], countsByKind }
    const kinds = query.kinds && query.kinds.length > 0 ? JSON.stringify(query.kinds) : null
    const tags = query.tags && query.tags.length > 0 ? JSON.stringify(query.tags.map(tagKey)) : null
    const common = {
      match: parsed.match,
      limit: query.limit ?? DEFAULT_SEARCH_LIMIT,
      open: HIGHLIGHT_OPEN,
      close: HIGHLIGHT_CLOSE
    }
    const rows = (
      kinds === null && tags === null
        ? this.statements.sql(UNFILTERED_HITS_SQL).all(common)
        : this.statements.sql(FILTERED_HITS_SQL).all({ ...common, kinds, tags })
    ) as HitRow[]
    Object.assign(countsByKind, this.countByKind(parsed.match, tags))
    return { q: query.q, hits: rows.map(toHit), countsByKind }
  }

  private countByKind(match: string, tags: string | null): Record<string, number> {
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

function toHit(row: HitRow): SearchHit {
  return {
    kind: row.kind,
    id: row.item_id,
    title: row.title,
    parent:
      row.parent_kind !== null && row.parent_id !== null
        ? { kind: row.parent_kind, id: row.parent_id, title: row.parent_title ?? '' }
        : null,
    snippet: row.body_marked === null ? [] : trimSnippet(toSnippetSegments(row.body_marked)),
    titleHighlighted: toSnippetSegments(row.title_marked),
    tags: JSON.parse(row.tags_json) as string[],
    flags: JSON.parse(row.flags_json) as SafetyFlag[],
    rank: row.rank
  }
}

/** Without a match in the body, FTS5 returns its opening words: fine, unless the body is empty. */
const trimSnippet = (snippet: Snippet): Snippet =>
  snippet.length === 1 && snippet[0]?.text.trim() === '' ? [] : snippet

const emptyCounts = (): Record<string, number> =>
  Object.fromEntries(SEARCH_KINDS.map((kind) => [kind, 0]))

const clean = (text: string): string => stripHighlightSentinels(text).trim()

const tagKey = (tag: string): string => tag.trim().toLocaleLowerCase('en')
