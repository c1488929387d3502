import { describe, expect, it } from 'vitest'
import { call } from './helpers'
import {
  converge,
  openHub,
  openRoom,
  resourcesWithHandout,
  roomAndFrontDesk
} from './sync-fixtures'

describe('handouts on the clinic network', () => {
  it('an edited handout approved in a room is what the front desk computer has, approved', async () => {
    // Both computers ship the same built-in handout: their copies are one document, no conflict.
    const { hub, room, frontDesk } = await roomAndFrontDesk()
    expect(await call(frontDesk.library, 'sync:conflicts', {})).toEqual([])
    expect(
      (await call(frontDesk.library, 'handouts:versions', { id: 'after-ims', lang: 'en' })).length
    ).toBe(1)

    const shipped = await call(room.library, 'handouts:get', { id: 'after-ims', lang: 'en' })
    const saved = await call(room.library, 'handouts:save', {
      id: 'after-ims',
      lang: 'en',
      baseVersion: shipped.version,
      title: shipped.title,
      summary: shipped.summary,
      body: 'Drink water and walk for ten minutes after IMS.\n'
    })
    await call(room.library, 'handouts:approve', {
      id: 'after-ims',
      lang: 'en',
      version: saved.version,
      by: 'Dr Lee',
      on: '2026-01-10'
    })
    const created = await call(room.library, 'handouts:create', {
      lang: 'en',
      title: 'Heat at home',
      summary: 'Using heat safely.',
      body: 'Use a warm pack for 15 minutes.\n'
    })
    await converge([room, frontDesk], hub)

    const atDesk = await call(frontDesk.library, 'handouts:get', { id: 'after-ims', lang: 'en' })
    expect(atDesk.body).toBe('Drink water and walk for ten minutes after IMS.\n')
    expect(atDesk.reviewStatus).toBe('approved')
    expect(atDesk.approval).toEqual({ by: 'Dr Lee', on: '2026-01-10' })
    const versions = await call(frontDesk.library, 'handouts:versions', {
      id: 'after-ims',
      lang: 'en'
    })
    expect(versions.map((v) => v.source)).toEqual(['user', 'builtin'])
    expect(versions[0]?.approval).toEqual({ by: 'Dr Lee', on: '2026-01-10' })
    const newOne = await call(frontDesk.library, 'handouts:get', { id: created.id, lang: 'en' })
    expect(newOne.title).toBe('Heat at home')
    const desk = await call(frontDesk.library, 'handouts:frontDesk', {})
    expect(desk.handouts.map((h) => h.id)).toContain(created.id)
    const found = await call(frontDesk.library, 'search:query', { q: 'walk ten minutes' })
    expect(found.hits.map((hit) => hit.id)).toContain('after-ims/en')
    expect(await call(room.library, 'sync:conflicts', {})).toEqual([])
  })

  it('refuses a bad replicated handout version with its reason, the handout as it was', async () => {
    const warnings: string[] = []
    const hub = openHub()
    const frontDesk = openRoom({
      resourcesDir: resourcesWithHandout(),
      warn: (message) => warnings.push(message)
    })
    await converge([frontDesk], hub)
    const current = await hub.get<Record<string, unknown>>('handout:after-ims/en')
    await hub.put({ ...current, reviewStatus: 'approved-by-nobody', body: 'Changed.\n' })
    await converge([frontDesk], hub)
    const kept = await call(frontDesk.library, 'handouts:get', { id: 'after-ims', lang: 'en' })
    expect(kept.body).toBe('Drink water after IMS.\n')
    expect(warnings).toEqual([
      expect.stringMatching(/refused handout:after-ims\/en .*: reviewStatus: /)
    ])
  })
})
