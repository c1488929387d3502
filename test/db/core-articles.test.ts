import { describe, expect, it } from 'vitest'
import { apiErrorOf, call, draft, HOUR, openTestLibrary } from './helpers'

describe('articles', () => {
  it('creates an article with a slug from its title, unique with -2, -3', async () => {
    const { library } = openTestLibrary()
    const a = await call(library, 'articles:create', draft('Neck pain: first steps'))
    const b = await call(library, 'articles:create', draft('Neck pain — first steps!'))
    const c = await call(library, 'articles:create', draft('neck pain first steps'))
    expect([a.id, b.id, c.id]).toEqual([
      'neck-pain-first-steps',
      'neck-pain-first-steps-2',
      'neck-pain-first-steps-3'
    ])
    expect(a).toMatchObject({
      revision: 1,
      isBuiltin: false,
      isModified: false,
      builtinUpdateAvailable: false,
      deletedAt: null,
      updatedAt: '2025-03-01T09:00:00.000Z',
      references: [],
      links: { outgoing: [], incoming: [] }
    })
  })

  it('rejects a draft without a title, with a message a person can act on', async () => {
    const { library } = openTestLibrary()
    const error = await apiErrorOf(call(library, 'articles:create', draft('   ')))
    expect(error.code).toBe('invalid_input')
    expect(error.message).toContain('The title is required.')
  })

  it('says when an article does not exist', async () => {
    const { library } = openTestLibrary()
    const error = await apiErrorOf(call(library, 'articles:get', { id: 'nothing-here' }))
    expect(error).toMatchObject({ code: 'not_found' })
  })

  it('updates with the base revision and refuses a stale one', async () => {
    const { library, clock } = openTestLibrary()
    const created = await call(library, 'articles:create', draft('Shoulder'))
    clock.advance(HOUR)
    const updated = await call(library, 'articles:update', {
      ...draft('Shoulder', 'New body.'),
      id: created.id,
      baseRevision: 1
    })
    expect(updated).toMatchObject({
      revision: 2,
      body: 'New body.',
      updatedAt: '2025-03-01T10:00:00.000Z'
    })
    const stale = await apiErrorOf(
      call(library, 'articles:update', {
        ...draft('Shoulder', 'Other.'),
        id: created.id,
        baseRevision: 1
      })
    )
    expect(stale.code).toBe('conflict')
    expect(stale.message).toMatch(/^This article was changed elsewhere/)
    expect((await call(library, 'articles:get', { id: created.id })).body).toBe('New body.')
  })

  it('adds no revision when a save changes nothing', async () => {
    const { library } = openTestLibrary()
    const created = await call(library, 'articles:create', draft('Same', 'Same body.'))
    const saved = await call(library, 'articles:update', {
      ...draft('Same', 'Same body.'),
      id: created.id,
      baseRevision: 1
    })
    expect(saved.revision).toBe(1)
    expect(await call(library, 'articles:revisions', { id: created.id })).toHaveLength(1)
  })

  it('keeps every revision, shows any of them and restores one as a new revision', async () => {
    const { library, clock } = openTestLibrary()
    const created = await call(
      library,
      'articles:create',
      draft('Hip', 'First text.', { tags: ['hip'], summary: 'One.' })
    )
    clock.advance(HOUR)
    await call(library, 'articles:update', {
      ...draft('Hip joint', 'Second text.', { category: 'safety', tags: ['joint'] }),
      id: created.id,
      baseRevision: 1
    })
    const revisions = await call(library, 'articles:revisions', { id: created.id })
    expect(revisions).toEqual([
      { revision: 2, title: 'Hip joint', savedAt: '2025-03-01T10:00:00.000Z', source: 'user' },
      { revision: 1, title: 'Hip', savedAt: '2025-03-01T09:00:00.000Z', source: 'user' }
    ])
    const first = await call(library, 'articles:revision', { id: created.id, revision: 1 })
    expect(first).toEqual({
      revision: 1,
      title: 'Hip',
      savedAt: '2025-03-01T09:00:00.000Z',
      source: 'user',
      body: 'First text.',
      category: 'ims',
      tags: ['hip'],
      summary: 'One.'
    })
    const restored = await call(library, 'articles:restoreRevision', {
      id: created.id,
      revision: 1
    })
    expect(restored).toMatchObject({
      revision: 3,
      title: 'Hip',
      body: 'First text.',
      category: 'ims',
      tags: ['hip'],
      summary: 'One.'
    })
    expect((await call(library, 'articles:revisions', { id: created.id }))[0]).toMatchObject({
      revision: 3,
      source: 'restore'
    })
    const missing = await apiErrorOf(
      call(library, 'articles:revision', { id: created.id, revision: 9 })
    )
    expect(missing.code).toBe('not_found')
  })

  it('moves an article to the bin and back', async () => {
    const { library, clock } = openTestLibrary()
    const created = await call(library, 'articles:create', draft('Knee', 'Patellar tendon.'))
    clock.advance(HOUR)
    const deleted = await call(library, 'articles:delete', { id: created.id })
    expect(deleted).toEqual({ id: created.id, deletedAt: '2025-03-01T10:00:00.000Z' })
    expect(await call(library, 'articles:list', {})).toEqual([])
    expect(
      (await call(library, 'articles:list', { includeDeleted: true })).map((a) => a.deletedAt)
    ).toEqual([deleted.deletedAt])
    expect((await call(library, 'search:query', { q: 'patellar' })).hits).toEqual([])
    expect((await call(library, 'articles:get', { id: created.id })).deletedAt).toBe(
      deleted.deletedAt
    )
    const editDeleted = await apiErrorOf(
      call(library, 'articles:update', { ...draft('Knee'), id: created.id, baseRevision: 1 })
    )
    expect(editDeleted.code).toBe('conflict')
    expect(await call(library, 'articles:delete', { id: created.id })).toEqual(deleted)

    const back = await call(library, 'articles:undelete', { id: created.id })
    expect(back.deletedAt).toBeNull()
    expect((await call(library, 'articles:list', {})).map((a) => a.id)).toEqual([created.id])
    expect((await call(library, 'search:query', { q: 'patellar' })).hits.map((h) => h.id)).toEqual([
      created.id
    ])
  })

  it('tracks links both ways, with titles, ignoring the bin and missing articles', async () => {
    const { library } = openTestLibrary()
    const target = await call(library, 'articles:create', draft('Needle safety'))
    const source = await call(
      library,
      'articles:create',
      draft(
        'IMS basics',
        `Read [safety](article:${target.id}) and [later](article:not-written-yet).`
      )
    )
    expect(source.links.outgoing).toEqual([{ id: target.id, title: 'Needle safety' }])
    expect((await call(library, 'articles:get', { id: target.id })).links.incoming).toEqual([
      { id: source.id, title: 'IMS basics' }
    ])
    await call(library, 'articles:delete', { id: source.id })
    expect((await call(library, 'articles:get', { id: target.id })).links.incoming).toEqual([])
    await call(library, 'articles:undelete', { id: source.id })
    await call(library, 'articles:update', {
      ...draft('IMS basics', 'No links now.'),
      id: source.id,
      baseRevision: 1
    })
    expect((await call(library, 'articles:get', { id: target.id })).links.incoming).toEqual([])
  })

  it('filters by category and tag (ignoring case) and counts tags', async () => {
    const { library } = openTestLibrary()
    await call(
      library,
      'articles:create',
      draft('A', '', { category: 'safety', tags: ['Neck', 'pain', 'neck'] })
    )
    await call(library, 'articles:create', draft('B', '', { tags: ['neck'] }))
    const deleted = await call(library, 'articles:create', draft('C', '', { tags: ['neck'] }))
    await call(library, 'articles:delete', { id: deleted.id })
    expect((await call(library, 'articles:get', { id: 'a' })).tags).toEqual(['Neck', 'pain'])
    expect((await call(library, 'articles:list', { category: 'safety' })).map((a) => a.id)).toEqual(
      ['a']
    )
    expect((await call(library, 'articles:list', { tag: 'NECK' })).map((a) => a.id)).toEqual([
      'a',
      'b'
    ])
    expect(await call(library, 'articles:tags', {})).toEqual([
      { tag: 'Neck', count: 2 },
      { tag: 'pain', count: 1 }
    ])
  })

  it('keeps the article and its search entry in step on every save', async () => {
    const { library } = openTestLibrary()
    const created = await call(
      library,
      'articles:create',
      draft('Gluteus medius', 'Hip **abductor**.')
    )
    await call(library, 'articles:update', {
      ...draft('Gluteus medius', 'Lateral hip pain.'),
      id: created.id,
      baseRevision: 1
    })
    expect((await call(library, 'search:query', { q: 'abductor' })).hits).toEqual([])
    const hit = (await call(library, 'search:query', { q: 'lateral hip' })).hits[0]
    expect(hit?.snippet.filter((s) => s.highlight).map((s) => s.text)).toEqual(['Lateral', 'hip'])
  })
})
