/**
 * The rules that keep search fast in a large library (docs/bench.md, "Search"), checked on a few
 * items with their thresholds set low: a very broad match ranks the items with a query word in
 * their title, tags or names first (body-only matches when those do not fill the list), and a
 * word of one character is matched whole, with the names that start with it.
 */
import { describe, expect, it } from 'vitest'
import { libraryInternals } from '../../src/main/core/library'
import { SearchIndex } from '../../src/main/core/search/search-index'
import type { SearchDocument, SearchIndexOptions } from '../../src/main/core/search/search-index'
import { openTestLibrary } from './helpers'

const doc = (over: Partial<SearchDocument> & { id: string }): SearchDocument => ({
  kind: 'article',
  title: over.id,
  body: '',
  tags: [],
  ...over
})

function indexWith(docs: SearchDocument[], options: SearchIndexOptions) {
  const { library } = openTestLibrary()
  const db = libraryInternals(library).db
  const search = new SearchIndex(db, options)
  for (const d of docs) search.upsert(d)
  return search
}

const ids = (hits: readonly { id: string }[]): string[] => hits.map((hit) => hit.id)

// Body-only matches that bm25 alone ranks high (the word many times in a short text).
const bodyOnly = ['a', 'b', 'c', 'd'].map((id) =>
  doc({ id: `body-${id}`, body: 'needle needle needle' })
)
// Long texts, which bm25 ranks below the short ones above (its length normalisation).
const filler = 'other words about the care of a patient '.repeat(60)
const titled = [
  doc({ id: 'titled', title: 'Needle', body: filler }),
  doc({ id: 'tagged', title: 'Care', tags: ['needle'], body: filler })
]

describe('a very broad match', () => {
  it('ranks the items with the word in their title or tags first, counting every match', () => {
    const search = indexWith([...bodyOnly, ...titled], { namesFirstFrom: 3 })
    const result = search.query({ q: 'needle', limit: 2 })
    expect(ids(result.hits).sort()).toEqual(['tagged', 'titled'])
    expect(result.countsByKind['article']).toBe(6)
  })

  it('ranks the body-only matches too when the named ones do not fill the list', () => {
    const search = indexWith([...bodyOnly, ...titled], { namesFirstFrom: 3 })
    const hits = ids(search.query({ q: 'needle', limit: 5 }).hits)
    expect(hits).toHaveLength(5)
    expect(hits.filter((id) => id.startsWith('body-'))).toHaveLength(4)
  })

  it('runs any query in the names-first form without an FTS5 error', () => {
    const search = indexWith([...bodyOnly, ...titled], { namesFirstFrom: 0, wholeOneLetterFrom: 0 })
    for (const q of [
      '(LI4) AND "neck',
      'bl 40 neck',
      'NEAR(needle OR x)',
      '疼痛 needle',
      'li 4 n'
    ]) {
      expect(() => search.query({ q, limit: 1 })).not.toThrow()
    }
  })

  it('is ranked whole below the threshold', () => {
    const search = indexWith([...bodyOnly, ...titled], { namesFirstFrom: 100 })
    // bm25 alone puts a short body-only text among the first two.
    expect(ids(search.query({ q: 'needle', limit: 2 }).hits)).toContain('body-a')
    expect(ids(search.query({ q: 'needle', limit: 6 }).hits).sort()).toEqual(
      [...bodyOnly, ...titled].map((d) => d.id).sort()
    )
  })
})

describe('one letter in a large library', () => {
  const docs = [
    doc({ kind: 'muscle', id: 'trapezius', title: 'Trapezius', body: 'Neck and shoulder.' }),
    doc({ id: 'twitch', title: 'Local response', body: 'A twitch of the band in the neck.' })
  ]

  it('finds the names that start with it, not every word that does', () => {
    const search = indexWith(docs, { wholeOneLetterFrom: 1 })
    expect(ids(search.query({ q: 't' }).hits)).toEqual(['trapezius'])
    // Typed last after other words, it waits for its second character.
    expect(ids(search.query({ q: 'neck t' }).hits)).toEqual(ids(search.query({ q: 'neck' }).hits))
    expect(ids(search.query({ q: 'neck tw' }).hits)[0]).toBe('twitch')
  })

  it('stays a prefix in a small library', () => {
    const search = indexWith(docs, { wholeOneLetterFrom: 100 })
    expect(ids(search.query({ q: 't' }).hits).sort()).toEqual(['trapezius', 'twitch'])
  })
})

describe('the ways of ranking and counting a match', () => {
  it('give the same page, with each hit’s kind, parent, tags and flags, and the same counts', () => {
    const docs = [
      ...bodyOnly,
      ...titled,
      doc({
        id: 'upper-trapezius',
        kind: 'trigger-point',
        title: 'Upper trapezius needle point',
        parent: { kind: 'muscle', id: 'trapezius', title: 'Trapezius' },
        tags: ['neck'],
        flags: ['pneumothorax']
      })
    ]
    // Counted first, then ranked by FTS5's rank column or by bm25() in an ORDER BY; or ranked
    // first, and counted in the pass that cuts the page's snippets (the default in a small library).
    const rankColumn = indexWith(docs, { rankFirstBelow: 0 })
    const bm25 = indexWith(docs, { rankFirstBelow: 0, bm25FormFrom: 0 })
    const rankedFirst = indexWith(docs, {})
    for (const q of ['needle', 'needle point', 'neck', 'needle pain']) {
      for (const limit of [1, 3, 50]) {
        const a = rankColumn.query({ q, limit })
        expect(bm25.query({ q, limit })).toEqual(a)
        expect(rankedFirst.query({ q, limit })).toEqual(a)
      }
    }
    expect(rankedFirst.query({ q: 'needle', limit: 3 }).hits).toHaveLength(3)
    const point = rankColumn
      .query({ q: 'needle point' })
      .hits.find((hit) => hit.id === 'upper-trapezius')
    expect(point).toMatchObject({
      kind: 'trigger-point',
      parent: { kind: 'muscle', id: 'trapezius', title: 'Trapezius' },
      tags: ['neck'],
      flags: ['pneumothorax']
    })
  })
})

describe('the per-kind counts', () => {
  it('are the same read from the rowids as counted through the join, for every kind', () => {
    const perKind = {
      article: 3,
      handout: 1,
      muscle: 4,
      'trigger-point': 2,
      acupoint: 6,
      note: 5
    } as const
    const docs = Object.entries(perKind).flatMap(([kind, n]) =>
      Array.from({ length: n }, (_, i) =>
        doc({ id: `${kind}-${i}`, kind: kind as SearchDocument['kind'], title: `Neck ${i}` })
      )
    )
    const byRowid = indexWith(docs, {}).query({ q: 'neck', limit: 1 }).countsByKind
    expect(byRowid).toEqual(perKind)
    const countedFirst = indexWith(docs, { rankFirstBelow: 0 }).query({ q: 'neck', limit: 1 })
    expect(countedFirst.countsByKind).toEqual(perKind)
    const joined = indexWith(docs, { countsThroughJoin: true }).query({ q: 'neck', limit: 1 })
    expect(joined.countsByKind).toEqual(perKind)
  })
})
