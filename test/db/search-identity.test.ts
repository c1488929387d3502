/**
 * Issue 9 on a real library with small fixtures: names before text, CJK words inside runs, the
 * any-word fallback, spelling suggestions, synonyms, nerve roots, the reader's language, and the
 * upgrade of a library indexed before names and CJK tokens existed (migration 005).
 */
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { libraryInternals } from '../../src/main/core/library'
import { searchIdentity } from '../../src/main/core/db/migrations/005-search-identity'
import { SearchIndex } from '../../src/main/core/search/search-index'
import type { SearchDocument } from '../../src/main/core/search/search-index'
import { Suggester } from '../../src/main/core/search/suggest'
import { databasePath } from '../../src/main/core'
import { openTestLibrary } from './helpers'

const doc = (over: Partial<SearchDocument> & { id: string }): SearchDocument => ({
  kind: 'article',
  title: over.id,
  body: '',
  tags: [],
  ...over
})

const kidney = (n: number): SearchDocument =>
  doc({
    kind: 'acupoint',
    id: `KI${n}`,
    title: `KI${n} Point ${n}`,
    aliases: [`KI${n}`, `KI ${n}`, `K${n}`],
    body: `Kidney channel point ${n}.`
  })

function indexWith(docs: SearchDocument[]) {
  const opened = openTestLibrary()
  const search = libraryInternals(opened.library).services.search
  for (const d of docs) search.upsert(d)
  return { ...opened, search }
}

const ids = (hits: readonly { kind: string; id: string }[]): string[] =>
  hits.map((h) => `${h.kind}:${h.id}`)

describe('names before text', () => {
  it('puts the point named exactly first, before points whose names only start the same', () => {
    const { search } = indexWith([17, 18, 19, 10, 1, 11].map(kidney))
    expect(ids(search.query({ q: 'KI1' }).hits)[0]).toBe('acupoint:KI1')
    expect(ids(search.query({ q: 'k 1' }).hits)[0]).toBe('acupoint:KI1')
    expect(ids(search.query({ q: 'ki 01' }).hits)[0]).toBe('acupoint:KI1')
  })

  it('puts an item above articles that mention its name many times, and a name prefix above body text', () => {
    const { search } = indexWith([
      doc({ id: 'hands', title: 'LI4 in practice', body: 'LI4 LI4 LI4 and trapping of nerves' }),
      doc({
        kind: 'acupoint',
        id: 'LI4',
        title: 'LI4 Hegu 合谷 (Joining Valley)',
        aliases: ['LI4', 'LI 4', 'Hegu', 'Hégǔ', '合谷'],
        body: 'On the back of the hand.'
      }),
      doc({ kind: 'muscle', id: 'upper-trapezius', title: 'Upper trapezius', aliases: ['Traps'] })
    ])
    for (const q of ['li4', 'LI 4', 'hegu', 'Hégǔ', '合谷']) {
      expect(ids(search.query({ q }).hits)[0], q).toBe('acupoint:LI4')
    }
    expect(ids(search.query({ q: 'upper trap' }).hits)[0]).toBe('muscle:upper-trapezius')
    expect(ids(search.query({ q: 'bl 40 li 4' }).hits)).toContain('acupoint:LI4')
  })
})

describe('Chinese words inside runs of characters', () => {
  it('finds a word in the middle of a run and highlights only that word', () => {
    const { search } = indexWith([
      doc({
        kind: 'handout',
        id: 'after/zh-Hans',
        title: '治疗之后',
        body: '治疗后肩膀疼痛很常见。'
      })
    ])
    const hit = search.query({ q: '疼痛' }).hits[0]
    expect(hit?.id).toBe('after/zh-Hans')
    expect(hit?.title).toBe('治疗之后')
    expect(hit?.snippet.filter((s) => s.highlight).map((s) => s.text)).toEqual(['疼痛'])
    expect(hit?.snippet.map((s) => s.text).join('')).toBe('治疗后肩膀疼痛很常见。')
    expect(search.query({ q: '肩膀疼痛' }).hits).toHaveLength(1)
    expect(search.query({ q: '头痛' }).hits).toHaveLength(0)
  })
})

describe('when all words find little', () => {
  it('falls back to any word, most words matched first', () => {
    const { search } = indexWith([
      doc({ id: 'compare', title: 'How acupuncture differs from IMS' }),
      doc({ id: 'one-word', title: 'Acupuncture at home' }),
      doc({ id: 'unrelated', title: 'Cats' })
    ])
    const result = search.query({ q: 'difference between acupuncture and IMS' })
    expect(ids(result.hits)).toEqual(['article:compare', 'article:one-word'])
    expect(result.countsByKind.article).toBe(2)
  })

  it('leaves words found in most documents of a large library out of the fallback', () => {
    const filler = Array.from({ length: 2100 }, (_, i) =>
      doc({ id: `note-${i}`, title: `Note ${i}`, body: 'Stretch and rest between sessions.' })
    )
    const { search } = indexWith([
      ...filler,
      doc({ id: 'compare', title: 'How acupuncture differs from IMS' })
    ])
    const result = search.query({ q: 'difference between acupuncture and IMS' })
    expect(ids(result.hits)).toEqual(['article:compare'])
    // "between" and "and" are in every filler note: counted, they would make 2,101 matches.
    expect(result.countsByKind.article).toBe(1)
  })

  it('shows the hits of the nearest indexed word for a word that matches nothing, and says so', () => {
    const { search } = indexWith([doc({ kind: 'muscle', id: 'trap', title: 'Trapezius' })])
    expect(search.query({ q: 'trapezuis' })).toMatchObject({
      q: 'trapezuis',
      didYouMean: { text: 'trapezius', applied: true },
      hits: [{ id: 'trap' }]
    })
    expect(search.query({ q: 'qwertyuiop' })).toMatchObject({ didYouMean: null, hits: [] })
    expect(search.query({ q: 'trapezius' }).didYouMean).toBeNull()
  })

  it('suggests from a read-only connection too (a library is query-only until checked)', () => {
    const { library, dataDir } = indexWith([doc({ id: 'a', title: 'Infraspinatus' })])
    library.close()
    const db = new Database(databasePath(dataDir), { readonly: true })
    try {
      expect(new Suggester(db).nearest('infraspinatous')).toBe('infraspinatus')
    } finally {
      db.close()
    }
  })
})

describe('synonyms, nerve roots and language', () => {
  it('leads a shipped condition with its muscles, and an abbreviation with what it stands for', () => {
    const { search } = indexWith([
      doc({ kind: 'muscle', id: 'supinator', title: 'Supinator', body: 'Lateral elbow.' }),
      doc({ kind: 'muscle', id: 'deltoid', title: 'Deltoid' }),
      doc({ id: 'sports', title: 'Sports injuries', body: 'Tennis and golf elbow in players.' })
    ])
    search.replaceSynonyms(
      new Map([
        ['tenniselbow', { means: [], muscles: ['supinator'], points: [] }],
        ['delts', { means: ['deltoid'], muscles: [], points: [] }]
      ])
    )
    expect(ids(search.query({ q: 'tennis elbow' }).hits)).toEqual([
      'muscle:supinator',
      'article:sports'
    ])
    expect(ids(search.query({ q: 'Delts' }).hits)).toEqual(['muscle:deltoid'])
  })

  it('leads a nerve-root query with the muscles most of those roots supply', () => {
    const { search } = indexWith([
      doc({ kind: 'muscle', id: 'biceps', title: 'Biceps', tags: ['Arm', 'C5', 'C6'] }),
      doc({ kind: 'muscle', id: 'triceps', title: 'Triceps', tags: ['Arm', 'C6', 'C7', 'C8'] }),
      doc({ kind: 'muscle', id: 'soleus', title: 'Soleus', tags: ['Leg', 'S1', 'S2'] }),
      doc({ id: 'roots', title: 'Roots', body: 'C5 C6 c5-c6 C5–C6' }),
      // Roots in a muscle's text or inside a longer tag are no roots it carries: only its text
      // matches (the index finds its words, the tag is compared whole).
      doc({ kind: 'muscle', id: 'anconeus', title: 'Anconeus', tags: ['C5 and C6 nearby'] }),
      doc({ kind: 'muscle', id: 'brachialis', title: 'Brachialis', body: 'Supplied by C5, C6.' })
    ])
    expect(ids(search.query({ q: 'C5-C6' }).hits).slice(0, 2)).toEqual([
      'muscle:biceps',
      'muscle:triceps'
    ])
    expect(ids(search.query({ q: 'S1' }).hits)[0]).toBe('muscle:soleus')
  })

  it('puts the same handout in the reader’s language first, keeping the others', () => {
    const { search } = indexWith([
      doc({ kind: 'handout', id: 'after-ims/zh-Hans', title: 'IMS 治疗之后', body: 'IMS' }),
      doc({ kind: 'handout', id: 'after-ims/fr-CA', title: 'Après votre traitement d’IMS' }),
      doc({ kind: 'handout', id: 'after-ims/en', title: 'After your IMS treatment', body: 'Care.' })
    ])
    expect(ids(search.query({ q: 'IMS' }).hits)[0]).toBe('handout:after-ims/en')
    expect(ids(search.query({ q: 'IMS', lang: 'fr-CA' }).hits)[0]).toBe('handout:after-ims/fr-CA')
    expect(ids(search.query({ q: 'IMS 治疗' }).hits)[0]).toBe('handout:after-ims/zh-Hans')
    expect(search.query({ q: 'IMS' }).hits).toHaveLength(3)
    // Only the French sheet holds every word; the English one, found by "IMS" alone, stays below.
    expect(ids(search.query({ q: 'votre traitement IMS' }).hits)[0]).toBe('handout:after-ims/fr-CA')
  })
})

describe('upgrade of an index written before issue 9', () => {
  it('gives existing rows their names and CJK tokens (migration 005)', () => {
    const { library } = indexWith([kidney(1), kidney(17)])
    const db = libraryInternals(library).db
    // As a version-4 library had it: no name tables, CJK runs as single tokens. Migration 005 is
    // then run by itself, so later migrations of other tables are not run twice.
    db.exec(`
      DROP TABLE search_terms; DROP TABLE search_synonyms; DROP TABLE search_vocab;
      UPDATE search_docs SET body = '肩膀疼痛' WHERE item_id = 'KI17';
    `)
    const cjkWord = db.prepare(
      `SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH '"疼 痛"'`
    )
    expect(cjkWord.get()).toEqual({ n: 0 })
    db.transaction(() => searchIdentity.up(db))()
    const reopened = new SearchIndex(db)
    expect(ids(reopened.query({ q: 'KI1' }).hits)[0]).toBe('acupoint:KI1')
    expect(ids(reopened.query({ q: '疼痛' }).hits)).toEqual(['acupoint:KI17'])
    expect(
      reopened
        .query({ q: '疼痛' })
        .hits[0]?.snippet.map((s) => s.text)
        .join('')
    ).toBe('肩膀疼痛')
  })
})
