import { describe, expect, it } from 'vitest'
import type { Library } from '../../src/main/core'
import { call, draft } from './helpers'
import { converge, exchange, openHub, openRoom, roomAndFrontDesk } from './sync-fixtures'
import type { Room } from './sync-fixtures'

/** Every order in which three rooms can reach the hub. */
const ORDERS = [
  [0, 1, 2],
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0]
] as const

/**
 * What must hold on a computer at every moment: the revision the article names holds the text it
 * shows (the next save continues from it, and the replica's head key names it), and every
 * version flagged as saved elsewhere at the same time holds another text.
 */
async function expectConsistent(library: Library, id: string, where: string): Promise<void> {
  const article = await call(library, 'articles:get', { id })
  const named = await call(library, 'articles:revision', { id, revision: article.revision })
  expect(named.body, `${where}: revision ${article.revision} is the shown text`).toBe(article.body)
  for (const conflict of await call(library, 'sync:conflicts', { kind: 'article', itemId: id })) {
    expect(conflict.revision, `${where}: the conflict names a revision`).not.toBeNull()
    const other = await call(library, 'articles:revision', { id, revision: conflict.revision ?? 0 })
    expect(other.body, `${where}: conflict names another text`).not.toBe(article.body)
  }
}

describe('the article names a revision holding its shown text, whatever order versions arrive in', () => {
  it.each(ORDERS)(
    'three rooms edit the same article apart, then reach the hub in order %i, %i, %i',
    async (...order) => {
      const hub = openHub()
      const rooms = [openRoom(), openRoom(), openRoom()]
      const [first] = rooms as [Room, Room, Room]
      const { id } = await call(first.library, 'articles:create', draft('Hip', 'Hip first.'))
      await converge(rooms, hub)
      for (const [index, room] of rooms.entries()) {
        const current = await call(room.library, 'articles:get', { id })
        await call(room.library, 'articles:update', {
          ...draft('Hip', `Hip text from room ${index}.`),
          id,
          baseRevision: current.revision
        })
      }
      // One room at a time, twice round: each arrival order of the versions is met somewhere.
      for (const round of [1, 2]) {
        for (const index of order) {
          await exchange(rooms[index] as Room, hub)
          for (const [at, room] of rooms.entries())
            await expectConsistent(
              room.library,
              id,
              `round ${round}, after room ${index}, room ${at}`
            )
        }
      }
      await converge(rooms, hub)
      const shown = new Set<string>()
      for (const [at, room] of rooms.entries()) {
        await expectConsistent(room.library, id, `settled, room ${at}`)
        shown.add((await call(room.library, 'articles:get', { id })).body)
        const conflicts = await call(room.library, 'sync:conflicts', {
          kind: 'article',
          itemId: id
        })
        expect(conflicts).toHaveLength(2)
      }
      expect(shown.size).toBe(1)
      // A save after it all continues from the shown text and reaches everyone as the newest.
      const current = await call(first.library, 'articles:get', { id })
      await call(first.library, 'articles:update', {
        ...draft('Hip', `${current.body} Then agreed.`),
        id,
        baseRevision: current.revision
      })
      await converge(rooms, hub)
      for (const [at, room] of rooms.entries()) {
        await expectConsistent(room.library, id, `after the agreed save, room ${at}`)
        expect((await call(room.library, 'articles:get', { id })).body).toContain('Then agreed.')
      }
    },
    120_000
  )
})

describe('revision documents that arrive before the main document that names them', () => {
  it('keep the article naming a revision of its own text', async () => {
    const hub = openHub()
    const roomA = openRoom({ clockStart: '2026-01-10T09:00:00.000Z' })
    const roomB = openRoom({ clockStart: '2026-01-10T10:00:00.000Z' })
    const roomC = openRoom({ clockStart: '2026-01-10T11:00:00.000Z' })
    const { id } = await call(roomA.library, 'articles:create', draft('Knee', 'Knee first.'))
    await converge([roomA, roomB, roomC], hub)
    const edit = async (room: Room, body: string): Promise<void> => {
      const current = await call(room.library, 'articles:get', { id })
      await call(room.library, 'articles:update', {
        ...draft('Knee', body),
        id,
        baseRevision: current.revision
      })
      await room.sync.settled()
    }
    // Apart: room A saves twice (its branch is the deeper one, so the engine shows it
    // everywhere), room B once, later in the day.
    await edit(roomA, 'Knee text from A, draft.')
    roomA.clock.advance(60_000)
    await edit(roomA, 'Knee text from A.')
    await edit(roomB, 'Knee text from B.')
    await roomA.replica.replicate.to(hub)
    await exchange(roomC, hub)
    await expectConsistent(roomC.library, id, 'room C with A only')
    // B's version reaches A, which keeps showing its own (the deeper branch).
    await roomB.replica.replicate.to(hub)
    await exchange(roomA, hub)
    await expectConsistent(roomA.library, id, 'room A')
    // A computer still on an earlier Pointbook copies the shown text as its newest revision
    // (`<key>.shown`) and sends the copy, as every computer did before session 8.
    const winner = await hub.get<{ head: string }>(`article:${id}`)
    const { _id, _rev, ...own } = await hub.get<{ key: string }>(`article-rev:${id}:${winner.head}`)
    await hub.put({ ...own, _id: `${_id}.shown`, key: `${own.key}.shown` })
    // Room C gets the revision documents (that copy, and B's, saved later) in one batch
    // without the main document: a replication cut between them, as a live replication
    // under load can make. Written as the replicator writes a batch.
    const missing = (
      await hub.allDocs({ startkey: 'article-rev:', endkey: 'article-rev:\uffff' })
    ).rows.map((row) => row.id)
    const have = new Set((await roomC.replica.allDocs()).rows.map((row) => row.id))
    const batch = await Promise.all(
      missing.filter((docId) => !have.has(docId)).map((docId) => hub.get(docId, { revs: true }))
    )
    // B's revision and the copy.
    expect(batch.map((doc) => doc._id)).toContain(`${_id}.shown`)
    expect(batch).toHaveLength(2)
    await roomC.replica.bulkDocs(batch, { new_edits: false })
    await roomC.sync.settled()
    await expectConsistent(roomC.library, id, 'room C, revisions before the main document')
    await converge([roomA, roomB, roomC], hub)
    const shown = new Set<string>()
    for (const [name, room] of Object.entries({ roomA, roomB, roomC })) {
      await expectConsistent(room.library, id, `settled, ${name}`)
      shown.add((await call(room.library, 'articles:get', { id })).body)
      const conflicts = await call(room.library, 'sync:conflicts', { kind: 'article', itemId: id })
      expect(conflicts, name).toHaveLength(1)
    }
    expect([...shown]).toEqual(['Knee text from A.'])
  }, 120_000)
})

describe('a handout text edited on two computers apart', () => {
  it('names the version holding its shown text everywhere, and a save continues after the newest', async () => {
    const { hub, room, frontDesk } = await roomAndFrontDesk()
    const ref = { id: 'after-ims', lang: 'en' } as const
    for (const [computer, words] of [
      [room, 'Drink water, from the room.\n'],
      [frontDesk, 'Drink water, from the desk.\n']
    ] as const) {
      const current = await call(computer.library, 'handouts:get', ref)
      await call(computer.library, 'handouts:save', {
        ...ref,
        baseVersion: current.version,
        title: current.title,
        summary: current.summary,
        body: words
      })
      await computer.sync.settled()
    }
    await converge([room, frontDesk], hub)
    const shown = new Set<string>()
    for (const computer of [room, frontDesk]) {
      const text = await call(computer.library, 'handouts:get', ref)
      shown.add(text.body)
      const bodyOf = async (version: number): Promise<string> =>
        (await call(computer.library, 'handouts:get', { ...ref, version })).body
      expect(await bodyOf(text.version)).toBe(text.body)
      const versions = await call(computer.library, 'handouts:versions', ref)
      const bodies = await Promise.all(versions.map((v) => bodyOf(v.version)))
      expect(bodies.sort()).toEqual(
        [
          'Drink water after IMS.\n',
          'Drink water, from the desk.\n',
          'Drink water, from the room.\n'
        ].sort()
      )
      const conflicts = await call(computer.library, 'sync:conflicts', {
        kind: 'handout',
        itemId: 'after-ims/en'
      })
      expect(conflicts).toHaveLength(1)
      expect(await bodyOf(conflicts[0]?.revision ?? 0)).not.toBe(text.body)
    }
    expect(shown.size).toBe(1)
    const current = await call(frontDesk.library, 'handouts:get', ref)
    const saved = await call(frontDesk.library, 'handouts:save', {
      ...ref,
      baseVersion: current.version,
      title: current.title,
      summary: current.summary,
      body: `${current.body}Then agreed.\n`
    })
    expect(saved.version).toBe(4)
    await converge([room, frontDesk], hub)
    expect((await call(room.library, 'handouts:get', ref)).body).toContain('Then agreed.')
  }, 120_000)
})
