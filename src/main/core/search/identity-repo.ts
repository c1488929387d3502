import type { SearchKind } from '../../../shared/api/search'
import type { Db } from '../db/sqlite'
import { StatementCache } from '../db/statements'
import type { IdentityTerm } from './identity-terms'
import type { SynonymMeaning } from './synonyms'

/** A document found by one of its names. */
export interface NameMatch {
  readonly docId: number
  /** 0 for an item's own name, 1 for a part's (search_terms.weight). */
  readonly weight: number
  /** Length of the shortest matching name: for a prefix, the closest name first. */
  readonly length: number
}

/** An item found by one of its names, with the item it is. */
export interface IdentityMatch extends NameMatch {
  readonly kind: SearchKind
  readonly itemId: string
}

/** An exact match, with the name (folded) that matched. */
export interface ExactMatch extends IdentityMatch {
  readonly term: string
}

// The highest code point: `term < key || MAX` is every term that starts with key.
const AFTER_PREFIX = String.fromCodePoint(0x10ffff)

/** SQL of the two search tables added for issue 9 (migration 005): names and synonyms. */
export class IdentityRepo {
  private readonly statements: StatementCache
  /**
   * The synonym list, read once and again after each replacement: a search looks up every run of
   * its words, and a query per search cost more than the list (a hundred phrases) takes to hold.
   * Only replaceSynonyms writes the table.
   */
  private synonymList: ReadonlyMap<string, SynonymMeaning> | null = null

  constructor(db: Db) {
    this.statements = new StatementCache(db)
  }

  /** Replaces an item's names (the document row keeps its id, so ON DELETE CASCADE does not fire). */
  writeTerms(docId: number, terms: readonly IdentityTerm[]): void {
    this.statements.sql('DELETE FROM search_terms WHERE doc_id = ?').run(docId)
    const insert = this.statements.sql(
      'INSERT OR IGNORE INTO search_terms (term, doc_id, weight) VALUES (?, ?, ?)'
    )
    for (const { term, weight } of terms) insert.run(term, docId, weight)
  }

  /** Items one of whose names is exactly one of the keys, once per name matched. */
  exact(keys: readonly string[]): ExactMatch[] {
    if (keys.length === 0) return []
    return this.statements
      .sql(
        `SELECT t.doc_id AS docId, d.kind AS kind, d.item_id AS itemId, t.weight AS weight,
           length(t.term) AS length, t.term AS term
         FROM search_terms AS t JOIN search_docs AS d ON d.id = t.doc_id
         WHERE t.term IN (SELECT value FROM json_each(@keys))`
      )
      .all({ keys: JSON.stringify(keys) }) as ExactMatch[]
  }

  /**
   * Documents with a name that starts with the key (and is longer), closest names first. The
   * names are grouped and cut to the limit in one pass over the key's range, with no join (a
   * prefix hit needs its document only): a short key in a large library starts thousands of names
   * ("t": 8,800 at 100,000 items, 48 ms joined first, 5 ms grouped first).
   */
  prefix(key: string, limit: number): NameMatch[] {
    return this.statements
      .sql(
        `SELECT doc_id AS docId, min(weight) AS weight, min(length(term)) AS length
         FROM search_terms
         WHERE term > @key AND term < @key || @after
         GROUP BY doc_id
         ORDER BY weight, length, doc_id
         LIMIT @limit`
      )
      .all({ key, after: AFTER_PREFIX, limit }) as NameMatch[]
  }

  /** Items of a kind by id (synonym and nerve-root targets), in no particular order. */
  byItemIds(kind: SearchKind, ids: readonly string[]): IdentityMatch[] {
    if (ids.length === 0) return []
    return this.statements
      .sql(
        `SELECT d.id AS docId, d.kind AS kind, d.item_id AS itemId, 0 AS weight, 0 AS length
         FROM search_docs AS d
         WHERE d.kind = @kind AND d.item_id IN (SELECT value FROM json_each(@ids))`
      )
      .all({ kind, ids: JSON.stringify(ids) }) as IdentityMatch[]
  }

  /**
   * Muscles supplied by any of the roots, with their tags (a muscle's document carries its nerve
   * roots as tags), for the nerve-root lookup, in item id order. The full-text index of the tags
   * finds the documents holding a root as a word (a root is one token: "C5" → c5), and each tag is
   * then compared whole as before: scanning every muscle's tags cost 23 ms of CPU at 100,000
   * items (20,000 muscles), the index 0.1.
   */
  musclesWithRoots(roots: readonly string[]): { itemId: string; title: string; tags: string[] }[] {
    if (roots.length === 0) return []
    const words = roots.map((root) => `"${root.replaceAll('"', '""')}"`).join(' OR ')
    const rows = this.statements
      .sql(
        `SELECT d.item_id AS itemId, d.title AS title, d.tags_json AS tags
         FROM search_fts JOIN search_docs AS d ON d.id = search_fts.rowid
         WHERE search_fts MATCH @match AND d.kind = 'muscle' AND EXISTS (
           SELECT 1 FROM json_each(d.tag_keys_json)
           WHERE value IN (SELECT lower(value) FROM json_each(@roots)))
         ORDER BY d.item_id`
      )
      .all({ match: `{tags} : (${words})`, roots: JSON.stringify(roots) }) as {
      itemId: string
      title: string
      tags: string
    }[]
    return rows.map((row) => ({
      itemId: row.itemId,
      title: row.title,
      tags: JSON.parse(row.tags) as string[]
    }))
  }

  replaceSynonyms(entries: ReadonlyMap<string, SynonymMeaning>): void {
    this.synonymList = null
    this.statements.sql('DELETE FROM search_synonyms').run()
    const insert = this.statements.sql(
      'INSERT INTO search_synonyms (phrase, meaning_json) VALUES (?, ?)'
    )
    for (const [phrase, meaning] of entries) insert.run(phrase, JSON.stringify(meaning))
  }

  /** The meanings of those keys that are shipped synonyms, by key. */
  synonyms(keys: readonly string[]): Map<string, SynonymMeaning> {
    this.synonymList ??= this.readSynonyms()
    const found = new Map<string, SynonymMeaning>()
    for (const key of keys) {
      const meaning = this.synonymList.get(key)
      if (meaning !== undefined) found.set(key, meaning)
    }
    return found
  }

  private readSynonyms(): Map<string, SynonymMeaning> {
    const rows = this.statements
      .sql('SELECT phrase, meaning_json AS meaning FROM search_synonyms')
      .all() as { phrase: string; meaning: string }[]
    return new Map(rows.map((row) => [row.phrase, JSON.parse(row.meaning) as SynonymMeaning]))
  }
}
