import { describe, expect, it } from 'vitest'
import type { SearchDocument, SearchIndex } from '../../src/main/core/search/search-index'
import { call, openTestLibrary } from './helpers'
import { libraryInternals } from '../../src/main/core/library'

function indexWith(docs: SearchDocument[]): {
  search: SearchIndex
  library: ReturnType<typeof openTestLibrary>['library']
} {
  const { library } = openTestLibrary()
  const search = libraryInternals(library).services.search
  for (const doc of docs) search.upsert(doc)
  return { search, library }
}

const doc = (over: Partial<SearchDocument> & { id: string }): SearchDocument => ({
  kind: 'article',
  title: over.id,
  body: '',
  tags: [],
  ...over
})

describe('search', () => {
  it('ranks a title match above a body match', () => {
    const { search } = indexWith([
      doc({
        id: 'body',
        title: 'Needling notes',
        body: 'A long text where the twitch response is mentioned once among many other words.'
      }),
      doc({ id: 'title', title: 'Twitch response', body: 'Something else entirely.' })
    ])
    expect(search.query({ q: 'twitch' }).hits.map((h) => h.id)).toEqual(['title', 'body'])
  })

  it('finds words by their beginning while typing', () => {
    const { search } = indexWith([doc({ id: 'a', title: 'Local twitch response' })])
    for (const q of ['t', 'tw', 'twi', 'twit', 'twitc', 'twitch', 'loc twi']) {
      expect(search.query({ q }).hits.map((h) => h.id)).toEqual(['a'])
    }
    expect(search.query({ q: 'twix' }).hits).toEqual([])
  })

  it('returns highlighted snippet and title segments, never HTML', () => {
    const { search } = indexWith([
      doc({
        id: 'a',
        title: 'Twitch <b>response</b>',
        body: 'Before. The twitch response releases the band. After.'
      })
    ])
    const hit = search.query({ q: 'twitch' }).hits[0]
    expect(hit?.titleHighlighted).toEqual([
      { text: 'Twitch', highlight: true },
      { text: ' <b>response</b>', highlight: false }
    ])
    expect(hit?.snippet).toEqual([
      { text: 'Before. The ', highlight: false },
      { text: 'twitch', highlight: true },
      { text: ' response releases the band. After.', highlight: false }
    ])
  })

  it('counts by kind the same way for rows whose ids predate the per-kind id ranges', () => {
    const { search, library } = indexWith([
      doc({ id: 'a1', title: 'Neck article' }),
      doc({ id: 'm1', kind: 'muscle', title: 'Neck muscle' })
    ])
    const ranged = search.query({ q: 'neck' }).countsByKind
    expect(ranged).toMatchObject({ article: 1, muscle: 1, note: 0 })
    // A row with a small id, as an index written before the ranges would have.
    libraryInternals(library)
      .db.prepare(
        `INSERT INTO search_docs (id, kind, item_id, title, body, tags, aliases, tags_json,
           tag_keys_json, flags_json) VALUES (7, 'note', 'n1', 'Neck note', '', '', '', '[]', '[]', '[]')`
      )
      .run()
    expect(search.query({ q: 'neck' }).countsByKind).toMatchObject({
      article: 1,
      muscle: 1,
      note: 1
    })
  })

  it('filters by kind and counts every kind', () => {
    const { search } = indexWith([
      doc({ id: 'a1', title: 'Neck article' }),
      doc({ id: 'm1', kind: 'muscle', title: 'Neck muscle' }),
      doc({
        id: 't1',
        kind: 'trigger-point',
        title: 'Neck point',
        parent: { kind: 'muscle', id: 'm1', title: 'Neck muscle' },
        flags: ['pneumothorax']
      })
    ])
    const result = search.query({ q: 'neck', kinds: ['trigger-point'] })
    expect(result.hits).toHaveLength(1)
    expect(result.hits[0]).toMatchObject({
      kind: 'trigger-point',
      id: 't1',
      parent: { kind: 'muscle', id: 'm1', title: 'Neck muscle' },
      flags: ['pneumothorax']
    })
    expect(result.countsByKind).toMatchObject({
      article: 1,
      muscle: 1,
      'trigger-point': 1,
      handout: 0,
      acupoint: 0,
      note: 0
    })
  })

  it('filters by tags, all of them, ignoring case', () => {
    const { search } = indexWith([
      doc({ id: 'a', title: 'Pain one', tags: ['Neck', 'IMS'] }),
      doc({ id: 'b', title: 'Pain two', tags: ['neck'] }),
      doc({ id: 'c', title: 'Pain three', tags: ['back'] })
    ])
    expect(
      search
        .query({ q: 'pain', tags: ['NECK'] })
        .hits.map((h) => h.id)
        .sort()
    ).toEqual(['a', 'b'])
    expect(search.query({ q: 'pain', tags: ['neck', 'ims'] }).hits.map((h) => h.id)).toEqual(['a'])
    expect(search.query({ q: 'pain', tags: ['neck'] }).countsByKind.article).toBe(2)
  })

  it('finds acupoint codes written joined, spaced or hyphenated', () => {
    const { search } = indexWith([
      doc({
        id: 'LI4',
        kind: 'acupoint',
        title: 'Hégu (Joining Valley)',
        aliases: ['LI4', 'Hegu']
      }),
      doc({ id: 'LI11', kind: 'acupoint', title: 'Quchi', aliases: ['LI11'] }),
      doc({ id: 'note', kind: 'note', title: 'Note', body: 'Used LI-4 today.' })
    ])
    for (const q of ['LI4', 'li4', 'LI 4', 'li-4', 'Li 4']) {
      expect(search.query({ q }).hits.map((h) => h.id)).toEqual(['LI4', 'note'])
    }
    expect(search.query({ q: 'hegu' }).hits[0]?.id).toBe('LI4')
    expect(search.query({ q: 'li 1' }).hits.map((h) => h.id)).toEqual(['LI11'])
  })

  it('never fails on hostile search text', async () => {
    const { library } = indexWith([doc({ id: 'a', title: 'Neck "quoted" (paren) near OR and' })])
    const hostile = [
      '"',
      '""',
      '*',
      '* neck',
      'NEAR(',
      'NEAR(neck',
      'neck OR',
      'OR',
      'AND',
      'NOT neck',
      '-',
      '-neck',
      ':',
      'title:neck',
      '(',
      ')',
      '((neck',
      'neck))',
      '^neck',
      'neck +',
      '{neck}',
      "'",
      '\\',
      '\u0000',
      '\uE000neck\uE001',
      '🙂',
      'ÿ'.repeat(200)
    ]
    for (const q of hostile) {
      const result = await call(library, 'search:query', { q })
      expect(Array.isArray(result.hits)).toBe(true)
    }
    expect((await call(library, 'search:query', { q: 'NEAR(neck' })).hits.map((h) => h.id)).toEqual(
      ['a']
    )
  })

  it('shows nothing for an empty search', () => {
    const { search } = indexWith([doc({ id: 'a', title: 'Anything' })])
    expect(search.query({ q: '  ' })).toMatchObject({ hits: [], countsByKind: { article: 0 } })
  })

  it('replaces a document on upsert and drops it on remove', () => {
    const { search } = indexWith([doc({ id: 'a', title: 'Old title' })])
    search.upsert(doc({ id: 'a', title: 'New title' }))
    expect(search.query({ q: 'old' }).hits).toEqual([])
    expect(search.query({ q: 'title' }).hits.map((h) => h.title)).toEqual(['New title'])
    search.remove('article', 'a')
    expect(search.query({ q: 'title' }).hits).toEqual([])
  })

  it('limits the hits but counts them all', () => {
    const { search } = indexWith(
      Array.from({ length: 30 }, (_, i) => doc({ id: `a${i}`, title: `Shoulder ${i}` }))
    )
    const result = search.query({ q: 'shoulder', limit: 5 })
    expect(result.hits).toHaveLength(5)
    expect(result.countsByKind.article).toBe(30)
  })

  it('keeps the index intact (FTS5 integrity check)', () => {
    const { library, search } = indexWith([
      doc({ id: 'a', title: 'One' }),
      doc({ id: 'b', title: 'Two' })
    ])
    search.upsert(doc({ id: 'a', title: 'Uno' }))
    search.remove('article', 'b')
    expect(() =>
      libraryInternals(library)
        .db.prepare("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")
        .run()
    ).not.toThrow()
  })
})
