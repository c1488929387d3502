import type { SafetyFlag, SearchKind, SearchQuery } from '../../../shared/api/search'
import type { Db } from '../db/sqlite'
import { StatementCache } from '../db/statements'
import { spaceCjk, unspaceCjk } from './cjk-text'
import { tagKey } from './fts-hits'
import { IdentityRepo } from './identity-repo'
import { identityTerms } from './identity-terms'
import { KIND_ID_SPAN, kindIdBase } from './kind-counts'
import { SearchQueries } from './search-query'
import type { SearchIndexOptions, SearchResult } from './search-query'
import { stripHighlightSentinels } from './snippet-segments'
import type { SynonymMeaning } from './synonyms'

export type { SearchIndexOptions, SearchResult }

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

export interface IndexedItem {
  readonly title: string
  readonly parent: { readonly kind: SearchKind; readonly id: string; readonly title: string } | null
}

const NEXT_ID_SQL = `(SELECT coalesce(max(id), @base) + 1 FROM search_docs
  WHERE id >= @base AND id < @base + ${KIND_ID_SPAN})`

/**
 * The one full-text index over every kind of item (docs/architecture.md §5): one search box finds
 * articles, handouts, muscles, trigger points, acupoints and notes. Features call upsert/remove
 * inside the same transaction as the save that changed the item, so the index never drifts from
 * the data. Queries are search-query.ts's.
 */
export class SearchIndex {
  private readonly statements: StatementCache
  private readonly identity: IdentityRepo
  private readonly queries: SearchQueries

  constructor(db: Db, options: SearchIndexOptions = {}) {
    this.statements = new StatementCache(db)
    this.identity = new IdentityRepo(db)
    this.queries = new SearchQueries(db, this.identity, options)
  }

  upsert(doc: SearchDocument): void {
    this.queries.changed()
    const title = clean(doc.title)
    const tags = doc.tags.map(clean)
    const aliases = (doc.aliases ?? []).map(clean)
    const row = this.statements
      .sql(
        `INSERT INTO search_docs (id, kind, item_id, title, body, tags, aliases, tags_json,
           tag_keys_json, flags_json, parent_kind, parent_id, parent_title)
         VALUES (${NEXT_ID_SQL}, @kind, @id, @title, @body, @tags, @aliases, @tagsJson, @tagKeysJson, @flagsJson,
           @parentKind, @parentId, @parentTitle)
         ON CONFLICT (kind, item_id) DO UPDATE SET title = excluded.title, body = excluded.body,
           tags = excluded.tags, aliases = excluded.aliases, tags_json = excluded.tags_json,
           tag_keys_json = excluded.tag_keys_json, flags_json = excluded.flags_json,
           parent_kind = excluded.parent_kind, parent_id = excluded.parent_id,
           parent_title = excluded.parent_title
         RETURNING id`
      )
      .get({
        base: kindIdBase(doc.kind),
        kind: doc.kind,
        id: doc.id,
        // The full-text columns hold CJK one character per token (cjk-text.ts).
        title: spaceCjk(title),
        body: spaceCjk(clean(doc.body)),
        // Tags and aliases are separated by a line break so words of two tags never form a phrase.
        tags: spaceCjk(tags.join('\n')),
        aliases: spaceCjk(aliases.join('\n')),
        tagsJson: JSON.stringify(tags),
        tagKeysJson: JSON.stringify(tags.map(tagKey)),
        flagsJson: JSON.stringify(doc.flags ?? []),
        parentKind: doc.parent?.kind ?? null,
        parentId: doc.parent?.id ?? null,
        parentTitle: doc.parent ? clean(doc.parent.title) : null
      }) as { id: number }
    this.identity.writeTerms(row.id, identityTerms({ kind: doc.kind, title, aliases }))
  }

  remove(kind: SearchKind, id: string): void {
    this.queries.changed()
    this.statements.sql('DELETE FROM search_docs WHERE kind = ? AND item_id = ?').run(kind, id)
  }

  /** Drops every document of a kind (a feature rebuilding its part of the index). */
  removeKind(kind: SearchKind): void {
    this.queries.changed()
    this.statements.sql('DELETE FROM search_docs WHERE kind = ?').run(kind)
  }

  /**
   * An item's title and parent as the index has them, or null when it is not in the library (a
   * deleted article, a note in the bin): how a note's `[[kind:id]]` link finds its item.
   */
  find(kind: SearchKind, id: string): IndexedItem | null {
    const row = this.statements
      .sql(
        `SELECT title, parent_kind AS parentKind, parent_id AS parentId, parent_title AS parentTitle
         FROM search_docs WHERE kind = ? AND item_id = ?`
      )
      .get(kind, id) as
      | {
          title: string
          parentKind: SearchKind | null
          parentId: string | null
          parentTitle: string | null
        }
      | undefined
    if (!row) return null
    return {
      title: unspaceCjk(row.title),
      parent:
        row.parentKind !== null && row.parentId !== null
          ? { kind: row.parentKind, id: row.parentId, title: row.parentTitle ?? row.parentId }
          : null
    }
  }

  /** Rebuilds the full-text index from search_docs (recovery; never needed in normal use). */
  rebuild(): void {
    this.statements.sql("INSERT INTO search_fts (search_fts) VALUES ('rebuild')").run()
  }

  /** The shipped synonym list (resources/content/search/), replacing the previous one. */
  replaceSynonyms(entries: ReadonlyMap<string, SynonymMeaning>): void {
    this.identity.replaceSynonyms(entries)
  }

  query(query: SearchQuery): SearchResult {
    return this.queries.query(query)
  }
}

const clean = (text: string): string => unspaceCjk(stripHighlightSentinels(text)).trim()
