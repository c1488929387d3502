import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { databasePath } from '../../src/main/core'
import type { Library } from '../../src/main/core'
import { writeAtlasFixtures } from './atlas-fixtures'
import { call, draft, openTestLibrary, tempDir } from './helpers'
import { converge, exchange, openHub, openRoom } from './sync-fixtures'

/** Every revision's text of a note on a computer, sorted (local numbers differ by arrival). */
async function revisionTexts(library: Library, id: string): Promise<string[]> {
  return (await call(library, 'notes:revisions', { id })).map((r) => r.body).sort()
}

const hits = async (library: Library, q: string): Promise<string[]> =>
  (await call(library, 'search:query', { q })).hits.map((hit) => hit.id)

const infraspinatus = { kind: 'muscle', id: 'infraspinatus' } as const

describe('notes on the clinic network (two rooms and a hub, real replicas)', () => {
  it('a note about a built-in muscle reaches the other room on the same muscle, searchable', async () => {
    const resourcesDir = tempDir('pointbook-resources-')
    writeAtlasFixtures(resourcesDir)
    const hub = openHub()
    const room2 = openRoom({ resourcesDir })
    const room3 = openRoom({ resourcesDir })
    const note = await call(room2.library, 'notes:create', {
      target: infraspinatus,
      body: 'Needle laterally; patient felt a wombatjump twitch.',
      pinned: true
    })
    await converge([room2, room3], hub)

    const there = await call(room3.library, 'notes:list', { targets: [infraspinatus] })
    expect(there.map((n) => n.id)).toEqual([note.id])
    expect(there[0]?.target).toMatchObject({
      ...infraspinatus,
      title: 'Infraspinatus',
      exists: true
    })
    expect(there[0]?.body).toBe(note.body)
    expect(there[0]?.pinned).toBe(true)
    expect(await revisionTexts(room3.library, note.id)).toEqual([note.body])
    expect(await hits(room3.library, 'wombatjump')).toContain(note.id)

    // An edit, then the bin, in room 3 reach room 2 (the bin takes it out of the search).
    const edited = await call(room3.library, 'notes:update', {
      id: note.id,
      body: 'Second text, koalanap.',
      baseRevision: there[0]?.revision ?? 0
    })
    await converge([room2, room3], hub)
    expect((await call(room2.library, 'notes:get', { id: note.id })).body).toBe(edited.body)
    expect(await hits(room2.library, 'koalanap')).toContain(note.id)
    expect(await hits(room2.library, 'wombatjump')).not.toContain(note.id)
    await call(room3.library, 'notes:delete', { id: note.id })
    await converge([room2, room3], hub)
    expect(await call(room2.library, 'notes:list', {})).toEqual([])
    expect(await hits(room2.library, 'koalanap')).not.toContain(note.id)
    expect(await call(room2.library, 'sync:conflicts', {})).toEqual([])
  })

  it('keeps both sides of a concurrent offline edit of one note, and both rooms agree', async () => {
    const hub = openHub()
    const room2 = openRoom()
    const room3 = openRoom()
    const note = await call(room2.library, 'notes:create', { target: null, body: 'First.' })
    await converge([room2, room3], hub)

    // The hub is down: each room edits the same note.
    await call(room2.library, 'notes:update', {
      id: note.id,
      body: 'Room two says zebracrossing.',
      baseRevision: note.revision
    })
    const seen = await call(room3.library, 'notes:get', { id: note.id })
    await call(room3.library, 'notes:update', {
      id: note.id,
      body: 'Room three says quokkahop.',
      baseRevision: seen.revision
    })
    await converge([room2, room3], hub)

    const [a, b] = await Promise.all(
      [room2, room3].map((room) => call(room.library, 'notes:get', { id: note.id }))
    )
    expect(a?.body).toBe(b?.body)
    expect(a?.body).toMatch(/zebracrossing|quokkahop/)
    const texts = await revisionTexts(room2.library, note.id)
    expect(texts).toEqual(await revisionTexts(room3.library, note.id))
    expect(new Set(texts)).toEqual(
      new Set(['First.', 'Room three says quokkahop.', 'Room two says zebracrossing.'])
    )
    for (const room of [room2, room3]) {
      // The note names the revision that holds its shown text (the history marks it current).
      const shown = await call(room.library, 'notes:get', { id: note.id })
      const named = (await call(room.library, 'notes:revisions', { id: note.id })).find(
        (r) => r.revision === shown.revision
      )
      expect(named?.body).toBe(shown.body)
      const conflicts = await call(room.library, 'sync:conflicts', {
        kind: 'note',
        itemId: note.id
      })
      expect(conflicts).toHaveLength(1)
      const losing = (await call(room.library, 'notes:revisions', { id: note.id })).find(
        (r) => r.revision === conflicts[0]?.revision
      )
      expect(losing?.body).not.toBe(shown.body)
      expect(await hits(room.library, 'zebracrossing')).toContain(note.id)
      expect(await hits(room.library, 'quokkahop')).toContain(note.id)
    }
    // A save follows the shown text and takes the number after the newest revision.
    const before = await call(room2.library, 'notes:get', { id: note.id })
    const numbers = (await call(room2.library, 'notes:revisions', { id: note.id })).map(
      (r) => r.revision
    )
    const saved = await call(room2.library, 'notes:update', {
      id: note.id,
      body: `${before.body} Agreed.`,
      baseRevision: before.revision
    })
    expect(saved.revision).toBe(Math.max(...numbers) + 1)
    await converge([room2, room3], hub)
    for (const room of [room2, room3])
      expect((await call(room.library, 'notes:get', { id: note.id })).body).toContain('Agreed.')
    // The unseen conflicts are listed with kind 'note' (what the notice reads).
    expect(
      (await call(room3.library, 'sync:conflicts', { kind: 'note' })).map((c) => c.itemId)
    ).toEqual([note.id])
  })

  it('a live edit beats a delete made at the same time', async () => {
    const hub = openHub()
    const room2 = openRoom()
    const room3 = openRoom()
    const note = await call(room2.library, 'notes:create', { target: null, body: 'Before.' })
    await converge([room2, room3], hub)
    await call(room2.library, 'notes:delete', { id: note.id })
    await call(room3.library, 'notes:update', {
      id: note.id,
      body: 'Edited while the other room binned it.',
      baseRevision: note.revision
    })
    await converge([room2, room3], hub)
    for (const room of [room2, room3]) {
      const live = await call(room.library, 'notes:list', {})
      expect(live.map((n) => n.body)).toEqual(['Edited while the other room binned it.'])
      expect(await hits(room.library, 'binned')).toContain(note.id)
    }
    await exchange(room2, hub)
    expect((await call(room2.library, 'notes:list', {})).map((n) => n.id)).toEqual([note.id])
  })

  it('refuses a bad replicated note with a logged reason and loses nothing', async () => {
    const warnings: string[] = []
    const hub = openHub()
    const room2 = openRoom({ warn: (message) => warnings.push(message) })
    const room3 = openRoom()
    const note = await call(room2.library, 'notes:create', { target: null, body: 'Kept text.' })
    await converge([room2, room3], hub)

    // A buggy computer (or a hand-edited CouchDB) writes over the note, and adds a note of its own.
    const current = await hub.get<Record<string, unknown>>(`note:${note.id}`)
    await hub.put({ ...current, body: 42, targetKind: 'patient', targetId: 'jane-doe' })
    await hub.put({
      _id: 'note:intruder',
      type: 'note',
      id: 'intruder',
      targetKind: null,
      targetId: null,
      body: 'x'.repeat(100_001),
      pinned: false,
      head: '',
      createdAt: '2026-01-10T09:00:00.000Z',
      updatedAt: '2026-01-10T09:00:00.000Z',
      deletedAt: null
    })
    await converge([room2, room3], hub)

    for (const room of [room2, room3]) {
      expect((await call(room.library, 'notes:list', {})).map((n) => n.body)).toEqual([
        'Kept text.'
      ])
    }
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`refused note:${note.id} .*: targetKind: `)),
        expect.stringMatching(/refused note:intruder .*: body: the text is too long/)
      ])
    )
    // The next save here replaces the refused document, and reaches the other room.
    await call(room2.library, 'notes:update', {
      id: note.id,
      body: 'Saved after the bad one.',
      baseRevision: note.revision
    })
    await converge([room2, room3], hub)
    expect((await call(room3.library, 'notes:get', { id: note.id })).body).toBe(
      'Saved after the bad one.'
    )
    expect(await call(room3.library, 'sync:conflicts', {})).toEqual([])
  })

  it('a library saved before notes were shared sends its notes, and its articles from before version 7', async () => {
    const old = openTestLibrary()
    const note = await call(old.library, 'notes:create', { target: null, body: 'An older note.' })
    const article = await call(old.library, 'articles:create', draft('Older', 'Older article.'))
    old.library.close()
    // Taken back by hand to how version 6 left it: no outbox rows, no note triggers.
    const raw = new Database(databasePath(old.dataDir))
    for (const table of ['notes', 'note_revisions']) {
      for (const event of ['insert', 'update'])
        raw.exec(`DROP TRIGGER sync_${table}_after_${event}`)
    }
    raw.exec('DELETE FROM sync_outbox')
    raw.pragma('user_version = 6')
    raw.close()

    const hub = openHub()
    const upgraded = openRoom({ dataDir: old.dataDir })
    const other = openRoom()
    await converge([upgraded, other], hub)
    expect((await call(other.library, 'notes:get', { id: note.id })).body).toBe('An older note.')
    expect((await call(other.library, 'articles:get', { id: article.id })).body).toBe(
      'Older article.'
    )
  })
})
