import { describe, expect, it } from 'vitest'
import type { Library } from '../../src/main/core'
import { call, draft } from './helpers'
import { converge, exchange, openHub, openRoom } from './sync-fixtures'

/** Every revision's text on a computer, as a sorted list (local numbers differ by arrival). */
async function revisionTexts(library: Library, id: string): Promise<string[]> {
  const summaries = await call(library, 'articles:revisions', { id })
  const texts = await Promise.all(
    summaries.map(
      async ({ revision }) => (await call(library, 'articles:revision', { id, revision })).body
    )
  )
  return texts.sort()
}

const hits = async (library: Library, q: string): Promise<string[]> =>
  (await call(library, 'search:query', { q })).hits.map((hit) => hit.id)

describe('articles on the clinic network (two rooms and a hub, real replicas)', () => {
  it('keeps both sides of a concurrent edit made while the hub was down, and both rooms agree', async () => {
    const hub = openHub()
    const room2 = openRoom()
    const room3 = openRoom()
    const created = await call(
      room2.library,
      'articles:create',
      draft('Neck release', 'First text.')
    )
    await converge([room2, room3], hub)
    const seen = await call(room3.library, 'articles:get', { id: created.id })
    expect(seen.body).toBe('First text.')

    // The hub is down: each room edits the same article.
    await call(room2.library, 'articles:update', {
      ...draft('Neck release', 'Room two says zebracrossing.'),
      id: created.id,
      baseRevision: seen.revision
    })
    await call(room3.library, 'articles:update', {
      ...draft('Neck release', 'Room three says quokkahop.'),
      id: created.id,
      baseRevision: seen.revision
    })
    await room2.sync.settled()
    await room3.sync.settled()

    await converge([room2, room3], hub)

    const [a, b] = await Promise.all([
      call(room2.library, 'articles:get', { id: created.id }),
      call(room3.library, 'articles:get', { id: created.id })
    ])
    expect(a.body).toBe(b.body)
    expect([a.body]).toEqual(
      expect.arrayContaining([expect.stringMatching(/zebracrossing|quokkahop/)])
    )
    const texts = await revisionTexts(room2.library, created.id)
    expect(texts).toEqual(await revisionTexts(room3.library, created.id))
    expect(new Set(texts)).toEqual(
      new Set(['First text.', 'Room three says quokkahop.', 'Room two says zebracrossing.'])
    )
    // On each computer the newest revision is the text shown (the history marks it current).
    for (const room of [room2, room3]) {
      const shown = await call(room.library, 'articles:get', { id: created.id })
      const newest = await call(room.library, 'articles:revision', {
        id: created.id,
        revision: shown.revision
      })
      expect(newest.body).toBe(shown.body)
    }
    for (const room of [room2, room3]) {
      // The losing side is flagged on the item, and search finds both sides' words.
      const conflicts = await call(room.library, 'sync:conflicts', {
        kind: 'article',
        itemId: created.id
      })
      expect(conflicts).toHaveLength(1)
      expect(conflicts[0]?.seenAt).toBeNull()
      const losing = await call(room.library, 'articles:revision', {
        id: created.id,
        revision: conflicts[0]?.revision ?? 0
      })
      expect(losing.body).not.toBe(a.body)
      expect(await hits(room.library, 'zebracrossing')).toContain(created.id)
      expect(await hits(room.library, 'quokkahop')).toContain(created.id)
    }
    // Someone opens it: the notice goes, both versions stay in the history.
    await call(room2.library, 'sync:markSeen', { kind: 'article', itemId: created.id })
    expect(await call(room2.library, 'sync:conflicts', {})).toEqual([])
    expect(await revisionTexts(room2.library, created.id)).toEqual(texts)
    // The other version's words leave the search entry with the notice (not at the next change);
    // the computer where nobody has looked still finds both.
    const [shownWord, otherWord] = a.body.includes('zebracrossing')
      ? ['zebracrossing', 'quokkahop']
      : ['quokkahop', 'zebracrossing']
    expect(await hits(room2.library, otherWord)).not.toContain(created.id)
    expect(await hits(room2.library, shownWord)).toContain(created.id)
    expect(await hits(room3.library, otherWord)).toContain(created.id)
  })

  it('a live edit beats a delete made at the same time, and nothing is lost', async () => {
    const hub = openHub()
    const room2 = openRoom()
    const room3 = openRoom()
    const created = await call(room2.library, 'articles:create', draft('Shoulder', 'Before.'))
    await converge([room2, room3], hub)
    await call(room2.library, 'articles:delete', { id: created.id })
    await call(room3.library, 'articles:update', {
      ...draft('Shoulder', 'Edited while the other room deleted it.'),
      id: created.id,
      baseRevision: created.revision
    })
    await converge([room2, room3], hub)
    for (const room of [room2, room3]) {
      const article = await call(room.library, 'articles:get', { id: created.id })
      expect(article.deletedAt).toBeNull()
      expect(article.body).toBe('Edited while the other room deleted it.')
      expect(await hits(room.library, 'deleted')).toContain(created.id)
    }
    // And it stays live after more rounds (no room's copy flips back to the bin).
    await exchange(room2, hub)
    expect((await call(room2.library, 'articles:get', { id: created.id })).deletedAt).toBeNull()
  })

  it('a plain save on one room reaches the other, deleted in one room is deleted in the other', async () => {
    const hub = openHub()
    const room2 = openRoom()
    const room3 = openRoom()
    const created = await call(room2.library, 'articles:create', draft('Hip', 'Hip text.'))
    await converge([room2, room3], hub)
    expect((await call(room3.library, 'articles:get', { id: created.id })).body).toBe('Hip text.')
    await call(room3.library, 'articles:delete', { id: created.id })
    await converge([room2, room3], hub)
    expect((await call(room2.library, 'articles:get', { id: created.id })).deletedAt).not.toBeNull()
    expect(await hits(room2.library, 'Hip')).not.toContain(created.id)
    expect(await call(room2.library, 'sync:conflicts', {})).toEqual([])
  })

  it('refuses a bad replicated article or revision with its reason, the article as it was', async () => {
    const warnings: string[] = []
    const hub = openHub()
    const room2 = openRoom()
    const room3 = openRoom({ warn: (message) => warnings.push(message) })
    const created = await call(room2.library, 'articles:create', draft('Knee', 'Knee text.'))
    await converge([room2, room3], hub)

    // Written straight into the hub, past any computer's checks.
    const current = await hub.get<Record<string, unknown>>(`article:${created.id}`)
    await hub.put({ ...current, category: 'voodoo', body: 'Changed.' })
    await hub.put({
      _id: `article-rev:${created.id}:0123456789abcdef0123`,
      type: 'article-revision',
      articleId: created.id,
      key: '0123456789abcdef0123',
      title: 'Knee',
      category: 'ims',
      summary: '',
      body: 'x'.repeat(500_001),
      tags: [],
      source: 'user',
      savedAt: '2026-01-10T09:00:00.000Z'
    })
    await converge([room3], hub)
    const kept = await call(room3.library, 'articles:get', { id: created.id })
    expect(kept.body).toBe('Knee text.')
    expect(await call(room3.library, 'articles:revisions', { id: created.id })).toHaveLength(1)
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`refused article:${created.id} .*: category: `)),
        expect.stringMatching(/refused article-rev:.*: body: The article is too long/)
      ])
    )
  })
})
