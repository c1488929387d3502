import { describe, expect, it } from 'vitest'
import type { Library } from '../../src/main/core'
import { call } from './helpers'
import {
  converge,
  exchange,
  openHub,
  openRoom,
  resourcesWithHandout,
  roomAndFrontDesk
} from './sync-fixtures'

/** The single handouts the front desk offers on a computer. */
const offered = async (library: Library): Promise<string[]> =>
  (await call(library, 'handouts:frontDesk', {})).handouts.map((handout) => handout.id)

describe('which handouts the front desk hides, on the clinic network', () => {
  it('a handout hidden in a room is hidden at the front desk computer, and shown again', async () => {
    const { hub, room, frontDesk } = await roomAndFrontDesk()
    expect(await offered(frontDesk.library)).toContain('after-ims')

    await call(room.library, 'handouts:setHidden', { id: 'after-ims', hidden: true })
    await converge([room, frontDesk], hub)
    expect(await offered(frontDesk.library)).not.toContain('after-ims')
    // Still in the Handouts list there, marked hidden.
    const listed = await call(frontDesk.library, 'handouts:list', {})
    expect(listed.find((h) => h.id === 'after-ims')?.hiddenFromFrontDesk).toBe(true)

    await call(frontDesk.library, 'handouts:setHidden', { id: 'after-ims', hidden: false })
    await converge([room, frontDesk], hub)
    expect(await offered(room.library)).toContain('after-ims')
    expect(await call(room.library, 'sync:conflicts', {})).toEqual([])
  })

  it('hidden in one room and shown in another at the same time: both computers agree', async () => {
    const { hub, room, frontDesk } = await roomAndFrontDesk()
    // Apart: the room hides it; the front desk hides it and shows it again.
    await call(room.library, 'handouts:setHidden', { id: 'after-ims', hidden: true })
    await call(frontDesk.library, 'handouts:setHidden', { id: 'after-ims', hidden: true })
    await call(frontDesk.library, 'handouts:setHidden', { id: 'after-ims', hidden: false })
    await converge([room, frontDesk], hub)
    const [inRoom, atDesk] = await Promise.all([offered(room.library), offered(frontDesk.library)])
    expect(inRoom.includes('after-ims')).toBe(atDesk.includes('after-ims'))
  })

  it('a setting that arrives before its handout waits for it', async () => {
    const hub = openHub()
    const room = openRoom()
    const frontDesk = openRoom()
    const created = await call(room.library, 'handouts:create', {
      lang: 'en',
      title: 'Heat at home',
      summary: 'Using heat safely.',
      body: 'Use a warm pack for 15 minutes.\n'
    })
    await call(room.library, 'handouts:setHidden', { id: created.id, hidden: true })
    await room.sync.settled()
    // Only the setting reaches the front desk first.
    await room.replica.replicate.to(hub, { doc_ids: [`front-desk:${created.id}`] })
    await exchange(frontDesk, hub)
    expect((await call(frontDesk.library, 'handouts:list', {})).map((h) => h.id)).not.toContain(
      created.id
    )

    await converge([room, frontDesk], hub)
    const listed = await call(frontDesk.library, 'handouts:list', {})
    expect(listed.find((h) => h.id === created.id)?.hiddenFromFrontDesk).toBe(true)
    expect(await offered(frontDesk.library)).not.toContain(created.id)
  })

  it('refuses a bad replicated setting with a logged reason, the handout as it was', async () => {
    const resourcesDir = resourcesWithHandout()
    const warnings: string[] = []
    const hub = openHub()
    const frontDesk = openRoom({ resourcesDir, warn: (message) => warnings.push(message) })
    await hub.put({
      _id: 'front-desk:after-ims',
      type: 'front-desk',
      handoutId: 'after-ims',
      hidden: 'yes',
      hiddenAt: null
    })
    await converge([frontDesk], hub)
    expect(await offered(frontDesk.library)).toContain('after-ims')
    expect(warnings).toEqual([expect.stringMatching(/refused front-desk:after-ims .*: hidden: /)])
  })
})
