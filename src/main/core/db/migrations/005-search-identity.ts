import { identityTerms } from '../../search/identity-terms'
import { spaceCjk, unspaceCjk } from '../../search/cjk-text'
import type { SearchKind } from '../../../../shared/api/search'
import type { Migration } from './types'

/**
 * Search by identity (issue 9): `search_terms` holds each indexed item's names, folded, so an exact
 * or prefix lookup of what was typed is one index range; `search_synonyms` holds the shipped
 * synonym and abbreviation list (resources/content/search/), folded phrase → what it means.
 * Existing index rows get their names, and their CJK text one character per token
 * (search/cjk-text.ts), here once; later writes do both in SearchIndex.upsert. Never edit once
 * shipped.
 */
export const searchIdentity: Migration = {
  version: 5,
  name: 'search identity',
  up(db) {
    db.exec(`
      CREATE TABLE search_terms (
        term TEXT NOT NULL,
        doc_id INTEGER NOT NULL REFERENCES search_docs (id) ON DELETE CASCADE,
        weight INTEGER NOT NULL,
        PRIMARY KEY (term, doc_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX search_terms_by_doc ON search_terms (doc_id);

      CREATE TABLE search_synonyms (
        phrase TEXT PRIMARY KEY,
        meaning_json TEXT NOT NULL
      ) STRICT;

      -- The index's own vocabulary (no storage of its own), for spelling suggestions. Created
      -- here rather than on first use: a library being checked after open is query-only.
      CREATE VIRTUAL TABLE search_vocab USING fts5vocab ('search_fts', 'row');
    `)
    const rows = db
      .prepare('SELECT id, kind, title, body, tags, aliases FROM search_docs')
      .all() as {
      id: number
      kind: SearchKind
      title: string
      body: string
      tags: string
      aliases: string
    }[]
    const insertTerm = db.prepare(
      'INSERT OR IGNORE INTO search_terms (term, doc_id, weight) VALUES (?, ?, ?)'
    )
    const respace = db.prepare(
      'UPDATE search_docs SET title = ?, body = ?, tags = ?, aliases = ? WHERE id = ?'
    )
    for (const row of rows) {
      const aliases = row.aliases === '' ? [] : row.aliases.split('\n')
      for (const { term, weight } of identityTerms({
        kind: row.kind,
        title: unspaceCjk(row.title),
        aliases
      })) {
        insertTerm.run(term, row.id, weight)
      }
      const spaced = [row.title, row.body, row.tags, row.aliases].map((t) =>
        spaceCjk(unspaceCjk(t))
      )
      if (spaced.some((t, i) => t !== [row.title, row.body, row.tags, row.aliases][i])) {
        respace.run(...spaced, row.id)
      }
    }
  }
}
