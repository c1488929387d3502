import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { apiErrorOf, call, openTestLibrary, writeBuiltinArticle } from './helpers'
import { writeAtlasFixtures } from './atlas-fixtures'

const HOSTILE_DIR = resolve(__dirname, '../fixtures/hostile/markdown')

function library() {
  const first = openTestLibrary()
  writeAtlasFixtures(first.resourcesDir)
  writeBuiltinArticle(first.resourcesDir, { id: 'what-is-ims', title: 'What is IMS?' })
  return first.reopen()
}

const trap = { kind: 'muscle' as const, id: 'upper-trapezius' }

describe('practitioner notes', () => {
  it('attaches a note to a muscle, a trigger point, a point or an article, or to nothing', async () => {
    const { library: lib } = library()
    const onMuscle = await call(lib, 'notes:create', {
      target: trap,
      body: '# Pincer grip\nWorks well.'
    })
    expect(onMuscle).toMatchObject({
      title: 'Pincer grip',
      target: { kind: 'muscle', id: 'upper-trapezius', title: 'Upper trapezius', exists: true },
      revision: 1,
      pinned: false
    })
    expect(onMuscle.createdAt).toBe(onMuscle.updatedAt)
    const onTp = await call(lib, 'notes:create', {
      target: { kind: 'trigger-point', id: 'upper-trapezius-1' },
      body: 'Twitch at mid-fibres.'
    })
    expect(onTp.target).toMatchObject({
      title: 'Upper trapezius, mid-fibres',
      parentId: 'upper-trapezius'
    })
    const onPoint = await call(lib, 'notes:create', {
      target: { kind: 'acupoint', id: 'LI4' },
      body: 'Ask about pregnancy first.'
    })
    expect(onPoint.target?.title).toBe('LI4 Hegu (Joining Valley)')
    const onArticle = await call(lib, 'notes:create', {
      target: { kind: 'article', id: 'what-is-ims' },
      body: 'Hand this to new patients.'
    })
    expect(onArticle.target?.title).toBe('What is IMS?')
    const alone = await call(lib, 'notes:create', {
      target: null,
      body: 'Order more 0.25 mm needles.'
    })
    expect(alone.target).toBeNull()

    const forMuscle = await call(lib, 'notes:list', {
      targets: [trap, { kind: 'trigger-point', id: 'upper-trapezius-1' }]
    })
    expect(forMuscle.map((n) => n.id).sort()).toEqual([onMuscle.id, onTp.id].sort())
    expect((await call(lib, 'notes:list', { standalone: true })).map((n) => n.id)).toEqual([
      alone.id
    ])
    expect(await call(lib, 'notes:list', {})).toHaveLength(5)

    const missing = await apiErrorOf(
      call(lib, 'notes:create', { target: { kind: 'muscle', id: 'no-such-muscle' }, body: 'x' })
    )
    expect(missing.code).toBe('not_found')
    expect((await apiErrorOf(call(lib, 'notes:create', { target: null, body: '   ' }))).code).toBe(
      'invalid_input'
    )
  })

  it('keeps every save as a revision, refuses a stale save, and restores an old one', async () => {
    const { library: lib, clock } = library()
    const note = await call(lib, 'notes:create', { target: trap, body: 'First.' })
    clock.advance(60_000)
    const second = await call(lib, 'notes:update', {
      id: note.id,
      body: 'Second.',
      baseRevision: 1
    })
    expect(second.revision).toBe(2)
    expect(second.updatedAt > second.createdAt).toBe(true)
    // Saving the same text again is not a new revision.
    expect(
      (await call(lib, 'notes:update', { id: note.id, body: 'Second.', baseRevision: 2 })).revision
    ).toBe(2)
    const stale = await apiErrorOf(
      call(lib, 'notes:update', { id: note.id, body: 'Third.', baseRevision: 1 })
    )
    expect(stale.code).toBe('conflict')
    const revisions = await call(lib, 'notes:revisions', { id: note.id })
    expect(revisions.map((r) => [r.revision, r.body, r.source])).toEqual([
      [2, 'Second.', 'user'],
      [1, 'First.', 'user']
    ])
    const restored = await call(lib, 'notes:restoreRevision', { id: note.id, revision: 1 })
    expect(restored).toMatchObject({ body: 'First.', revision: 3 })
    expect((await call(lib, 'notes:revisions', { id: note.id }))[0]?.source).toBe('restore')
  })

  it('lists pinned notes first, then the most recently updated', async () => {
    const { library: lib, clock } = library()
    const a = await call(lib, 'notes:create', { target: trap, body: 'A' })
    clock.advance(1000)
    const b = await call(lib, 'notes:create', { target: trap, body: 'B' })
    clock.advance(1000)
    const c = await call(lib, 'notes:create', { target: trap, body: 'C' })
    expect((await call(lib, 'notes:list', { targets: [trap] })).map((n) => n.body)).toEqual([
      'C',
      'B',
      'A'
    ])
    await call(lib, 'notes:setPinned', { id: a.id, pinned: true })
    clock.advance(1000)
    await call(lib, 'notes:update', { id: b.id, body: 'B2', baseRevision: 1 })
    expect((await call(lib, 'notes:list', { targets: [trap] })).map((n) => n.body)).toEqual([
      'A',
      'B2',
      'C'
    ])
    expect(c.pinned).toBe(false)
  })

  it('is found by the one search (kind note, with its item as parent) until deleted', async () => {
    const { library: lib } = library()
    const note = await call(lib, 'notes:create', {
      target: trap,
      body: 'Patient responds to **ischaemic compression** better than needling.'
    })
    const { hits } = await call(lib, 'search:query', { q: 'ischaemic compression' })
    expect(hits[0]).toMatchObject({
      kind: 'note',
      id: note.id,
      parent: { kind: 'muscle', id: 'upper-trapezius', title: 'Upper trapezius' }
    })
    // The snippet is plain text: no markdown stars.
    expect(hits[0]?.snippet.map((s) => s.text).join('')).not.toContain('**')
    await call(lib, 'notes:update', {
      id: note.id,
      body: 'Now about dry needling.',
      baseRevision: 1
    })
    expect((await call(lib, 'search:query', { q: 'ischaemic' })).hits).toEqual([])
    expect(
      (await call(lib, 'search:query', { q: 'dry needling', kinds: ['note'] })).hits
    ).toHaveLength(1)
    await call(lib, 'notes:delete', { id: note.id })
    expect((await call(lib, 'search:query', { q: 'dry needling', kinds: ['note'] })).hits).toEqual(
      []
    )
    expect((await apiErrorOf(call(lib, 'notes:get', { id: note.id }))).code).toBe('not_found')
    await call(lib, 'notes:undelete', { id: note.id })
    expect(
      (await call(lib, 'search:query', { q: 'dry needling', kinds: ['note'] })).hits
    ).toHaveLength(1)
  })

  it('keeps drafts as they are typed, across a reopen, until the note is saved', async () => {
    const opened = library()
    await call(opened.library, 'notes:saveDraft', { target: trap, body: 'Half a thou' })
    await call(opened.library, 'notes:saveDraft', { target: trap, body: 'Half a thought about C3' })
    const reopened = opened.reopen()
    const draft = await call(reopened.library, 'notes:getDraft', { target: trap })
    expect(draft).toMatchObject({ body: 'Half a thought about C3', target: trap, noteId: null })
    expect(await call(reopened.library, 'notes:drafts', {})).toHaveLength(1)
    // Saving the note clears the draft of that place.
    const note = await call(reopened.library, 'notes:create', { target: trap, body: draft!.body })
    expect(await call(reopened.library, 'notes:getDraft', { target: trap })).toBeNull()
    // A draft of an edit belongs to the note, with the revision it started from.
    await call(reopened.library, 'notes:saveDraft', {
      noteId: note.id,
      body: 'Edited',
      baseRevision: 1
    })
    expect(await call(reopened.library, 'notes:getDraft', { noteId: note.id })).toMatchObject({
      body: 'Edited',
      baseRevision: 1
    })
    await call(reopened.library, 'notes:discardDraft', { noteId: note.id })
    expect(await call(reopened.library, 'notes:getDraft', { noteId: note.id })).toBeNull()
    // A stand-alone draft, and a new-note draft cleared back to nothing, which is no draft.
    await call(reopened.library, 'notes:saveDraft', { body: 'Alone' })
    expect((await call(reopened.library, 'notes:getDraft', {}))?.body).toBe('Alone')
    await call(reopened.library, 'notes:saveDraft', { body: '  ' })
    expect(await call(reopened.library, 'notes:getDraft', {})).toBeNull()
  })

  it('survives a reopen with its revisions, and stores hostile markdown as text', async () => {
    const opened = library()
    const hostile = readFileSync(join(HOSTILE_DIR, 'script-and-handlers.md'), 'utf8')
    const note = await call(opened.library, 'notes:create', { target: trap, body: hostile })
    const reopened = opened.reopen()
    const again = await call(reopened.library, 'notes:get', { id: note.id })
    expect(again.body).toBe(hostile)
    expect(await call(reopened.library, 'notes:revisions', { id: note.id })).toHaveLength(1)
  })

  it('refuses bad input', async () => {
    const { library: lib } = library()
    const bad = [
      call(lib, 'notes:create', { target: { kind: 'handout' as 'muscle', id: 'x' }, body: 'x' }),
      call(lib, 'notes:get', { id: '../etc' }),
      call(lib, 'notes:update', { id: 'x', body: 'y'.repeat(100_001), baseRevision: 1 }),
      call(lib, 'notes:saveDraft', { target: { kind: 'muscle', id: 'a b' }, body: 'x' })
    ]
    for (const work of bad) expect((await apiErrorOf(work)).code).toBe('invalid_input')
  })
})
