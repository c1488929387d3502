import { describe, expect, it } from 'vitest'
import { openTestLibrary, queryPlanDetails } from './helpers'
import { libraryInternals } from '../../src/main/core/library'

/** The hot queries must use an index, never a full scan of the table. */
const HOT_QUERIES: Record<string, string> = {
  'article by id': 'SELECT * FROM articles WHERE id = ?',
  'revisions by article':
    'SELECT revision, title FROM article_revisions WHERE article_id = ? ORDER BY revision DESC',
  'one revision': 'SELECT * FROM article_revisions WHERE article_id = ? AND revision = ?',
  'incoming links': 'SELECT source_id FROM article_links WHERE target_id = ?',
  'articles by tag': 'SELECT article_id FROM article_tags WHERE tag_key = ?',
  'search doc by item': 'SELECT id FROM search_docs WHERE kind = ? AND item_id = ?',
  'built-in record': 'SELECT * FROM builtin_items WHERE kind = ? AND item_id = ?',
  'diagram by source': 'SELECT svg FROM diagrams WHERE source_hash = ?'
}

describe('query plans of the hot queries', () => {
  for (const [name, sql] of Object.entries(HOT_QUERIES)) {
    it(`${name} uses an index`, () => {
      const { library } = openTestLibrary()
      const details = queryPlanDetails(libraryInternals(library).db, sql)
      expect(
        details.some((d) => /USING (COVERING )?INDEX|USING (INTEGER )?PRIMARY KEY/.test(d))
      ).toBe(true)
      expect(details.filter((d) => d.startsWith('SCAN'))).toEqual([])
    })
  }
})
