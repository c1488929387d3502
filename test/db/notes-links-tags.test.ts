/**
 * Issue 12, notes in the core: #tags (stored in the text, searchable as tags), [[links]] to any
 * item of the one search (a deleted item shows as missing; a malformed link stays text), and
 * attaching a stand-alone note to an item afterwards, or detaching it.
 */
import { describe, expect, it } from 'vitest'
import { apiErrorOf, call, openTestLibrary, writeBuiltinArticle } from './helpers'
import { writeAtlasFixtures } from './atlas-fixtures'

function library() {
  const first = openTestLibrary()
  writeAtlasFixtures(first.resourcesDir)
  writeBuiltinArticle(first.resourcesDir, { id: 'what-is-ims', title: 'What is IMS?' })
  return first.reopen()
}

describe('note tags', () => {
  it('reads #tags from the text, each once, and the one search filters by them', async () => {
    const { library: lib } = library()
    const note = await call(lib, 'notes:create', {
      target: null,
      body: '# Desk work\nNeck and #shoulder pain, #Shoulder again, #desk-work. Not C#, #1 or `#code`.'
    })
    expect(note.tags).toEqual(['shoulder', 'desk-work'])
    await call(lib, 'notes:create', { target: null, body: 'Another note about the shoulder.' })
    const tagged = await call(lib, 'search:query', {
      q: 'shoulder',
      kinds: ['note'],
      tags: ['shoulder']
    })
    expect(tagged.hits.map((h) => h.id)).toEqual([note.id])
    expect(tagged.hits[0]?.tags).toEqual(['shoulder', 'desk-work'])
    // A tag is also found by the search text.
    const byText = await call(lib, 'search:query', { q: 'desk-work', kinds: ['note'] })
    expect(byText.hits.map((h) => h.id)).toContain(note.id)
  })
})

describe('note links', () => {
  it('resolves [[kind:id|Label]] links through the one search, and marks a deleted item missing', async () => {
    const { library: lib } = library()
    const article = await call(lib, 'articles:create', {
      title: 'Needle sizes',
      category: 'reference',
      summary: 'Sizes we stock.',
      body: 'Sizes we stock.',
      tags: []
    })
    const note = await call(lib, 'notes:create', {
      target: null,
      body:
        'See [[muscle:upper-trapezius|Upper trap]] and [[trigger-point:upper-trapezius-1|TP1]], ' +
        `[[article:${article.id}|Needle sizes]], [[acupoint:LI4]] and [[muscle:upper-trapezius|again]].`
    })
    expect(note.title).toBe('See Upper trap and TP1, Needle sizes, LI4 and again.')
    expect(note.links).toEqual([
      {
        kind: 'muscle',
        id: 'upper-trapezius',
        title: 'Upper trapezius',
        parent: null,
        exists: true
      },
      {
        kind: 'trigger-point',
        id: 'upper-trapezius-1',
        title: 'Upper trapezius, mid-fibres',
        parent: { kind: 'muscle', id: 'upper-trapezius', title: 'Upper trapezius' },
        exists: true
      },
      { kind: 'article', id: article.id, title: 'Needle sizes', parent: null, exists: true },
      {
        kind: 'acupoint',
        id: 'LI4',
        title: expect.stringContaining('LI4'),
        parent: null,
        exists: true
      }
    ])
    // The search reads the labels, not the link syntax.
    const found = await call(lib, 'search:query', { q: 'upper trap', kinds: ['note'] })
    expect(found.hits.map((h) => h.id)).toContain(note.id)
    expect(
      found.hits
        .find((h) => h.id === note.id)
        ?.snippet.map((s) => s.text)
        .join('')
    ).not.toContain('[[')

    await call(lib, 'articles:delete', { id: article.id })
    const after = await call(lib, 'notes:get', { id: note.id })
    expect(after.links.find((l) => l.kind === 'article')).toEqual({
      kind: 'article',
      id: article.id,
      title: 'Needle sizes',
      parent: null,
      exists: false
    })
    expect(after.body).toContain(`[[article:${article.id}|Needle sizes]]`)
  })

  it('keeps a link to an unknown kind, a bad id or a missing item as text, never an error', async () => {
    const { library: lib } = library()
    const body =
      '[[bogus:x|Y]] [[muscle:has space]] [[muscle:no-such-muscle|Gone]] [[muscle:|empty]] `[[muscle:upper-trapezius]]`'
    const note = await call(lib, 'notes:create', { target: null, body })
    expect(note.body).toBe(body)
    expect(note.links).toEqual([
      { kind: 'muscle', id: 'no-such-muscle', title: 'Gone', parent: null, exists: false }
    ])
  })
})

describe('attaching a note afterwards', () => {
  it('attaches a stand-alone note to an item and detaches it, keeping text and revisions', async () => {
    const { library: lib } = library()
    const note = await call(lib, 'notes:create', {
      target: null,
      body: 'Started on the Notes screen.'
    })
    const attached = await call(lib, 'notes:setTarget', {
      id: note.id,
      target: { kind: 'acupoint', id: 'LI4' }
    })
    expect(attached.target).toMatchObject({ kind: 'acupoint', id: 'LI4', exists: true })
    expect(attached).toMatchObject({ body: note.body, revision: 1 })
    const onPoint = await call(lib, 'notes:list', { targets: [{ kind: 'acupoint', id: 'LI4' }] })
    expect(onPoint.map((n) => n.id)).toEqual([note.id])
    expect(await call(lib, 'notes:list', { standalone: true })).toEqual([])
    // The search knows where it now belongs.
    const hit = (await call(lib, 'search:query', { q: 'started', kinds: ['note'] })).hits[0]
    expect(hit?.parent).toMatchObject({ kind: 'acupoint', id: 'LI4' })

    const detached = await call(lib, 'notes:setTarget', { id: note.id, target: null })
    expect(detached.target).toBeNull()
    expect((await call(lib, 'notes:list', { standalone: true })).map((n) => n.id)).toEqual([
      note.id
    ])
  })

  it('refuses an item that is not in the library, and changes nothing', async () => {
    const { library: lib } = library()
    const note = await call(lib, 'notes:create', { target: null, body: 'Alone.' })
    const error = await apiErrorOf(
      call(lib, 'notes:setTarget', { id: note.id, target: { kind: 'muscle', id: 'no-such' } })
    )
    expect(error.code).toBe('not_found')
    expect((await call(lib, 'notes:get', { id: note.id })).target).toBeNull()
  })
})
