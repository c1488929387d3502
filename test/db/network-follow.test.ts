import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { Library } from '../../src/main/core'
import { announceHub, announcementTxt } from '../../src/main/core/network/discovery'
import { NETWORK_MESSAGES } from '../../src/main/core/network/messages'
import { readNetworkState } from '../../src/main/core/network/network-store'
import { freePort } from '../support/free-port'
import { call, draft, tempDir } from './helpers'
import { closeComputersAfterEach, computer, join, share, titles, until } from './network-computers'

/*
 * A joined computer follows its hub to a new port (docs/clinic-network.md, "When the hub
 * moves"). Real parts: the hub over HTTPS on 127.0.0.1, announced by real mDNS (multicast works
 * on this machine: test/unit/network-discovery.test.ts finds a hub the same way), the room's
 * search for it when its stored address stops answering, and the pinned certificate as the only
 * proof of which hub is which.
 */
closeComputersAfterEach()

/** A name no other run on this machine announces (they may run at the same time). */
const uniqueLibrary = () => `Follow clinic ${randomBytes(4).toString('hex')}`

const statusOf = (library: Library) => call(library, 'network:status', {})
const addressOf = async (library: Library) => (await statusOf(library)).client?.address

describe('a joined computer follows its hub to a new address (real mDNS)', () => {
  it('follows the hub to its new port; the passphrase token and the pin stay; a save made after the move reaches the hub', async () => {
    const libraryName = uniqueLibrary()
    const [first, second] = [await freePort(), await freePort()]
    const hub = computer({ announce: true })
    await share(hub, first, libraryName)
    const roomDir = tempDir('pointbook-computer-')
    const room = computer({ dataDir: roomDir })
    await join(room, first, 'Room 1')
    const before = await call(room, 'articles:create', draft('Written before the hub moved'))
    await until(hub, async () => (await titles(hub)).includes(before.title))
    const joined = readNetworkState(roomDir, () => undefined).client

    // The hub changes its port through its own API; nothing is done at the room.
    const moved = await call(hub, 'network:setHubPort', { port: second })
    expect(moved.hub?.port).toBe(second)
    await until(room, async () => (await addressOf(room)) === `127.0.0.1:${second}`)
    const status = await statusOf(room)
    expect(status.notice).toBe(NETWORK_MESSAGES.followed(`127.0.0.1:${second}`))
    expect(status.client?.fingerprint).toBe(moved.hub?.fingerprint)

    const after = await call(room, 'articles:create', draft('Written after the hub moved'))
    await until(hub, async () => (await titles(hub)).includes(after.title))
    await until(room, async () => (await statusOf(room)).problem === null)
    // Stored for the next start: the new port, the same token, certificate and name.
    expect(readNetworkState(roomDir, () => undefined).client).toEqual({ ...joined, port: second })
  })

  it('does not follow an announcement whose hub shows another certificate; follows the real hub when it is back on a new port', async () => {
    const libraryName = uniqueLibrary()
    const [first, second, third] = [await freePort(), await freePort(), await freePort()]
    const hub = computer({ announce: true })
    const shared = await share(hub, first, libraryName)
    const warnings: string[] = []
    const room = computer({ warn: (message) => warnings.push(message) })
    await join(room, first, 'Room 2')
    await call(hub, 'network:stopSharing', {})
    await until(room, async () => (await statusOf(room)).problem === NETWORK_MESSAGES.unreachable)

    // Another computer, its own certificate, announced as this library with the hub's
    // fingerprint prefix copied (what an impostor on the clinic network could send).
    const impostor = computer()
    await share(impostor, second, libraryName)
    const spoof = announceHub(
      `Pointbook ${libraryName} impostor`,
      second,
      announcementTxt(libraryName, shared.hub?.fingerprint ?? ''),
      () => undefined
    )
    try {
      const refusal = NETWORK_MESSAGES.notFollowed(`127.0.0.1:${second}`)
      await until(room, async () => warnings.includes(refusal))
    } finally {
      await spoof.stop()
    }
    expect(await addressOf(room)).toBe(`127.0.0.1:${first}`)
    expect((await statusOf(room)).problem).toBe(NETWORK_MESSAGES.unreachable)
    expect((await statusOf(room)).notice).toBeNull()
    expect((await statusOf(impostor)).hub?.computers).toEqual([])

    // The real hub shares again, on another port: followed, and a save reaches it.
    await share(hub, third, libraryName)
    await until(room, async () => (await addressOf(room)) === `127.0.0.1:${third}`)
    const after = await call(room, 'articles:create', draft('Written after the impostor'))
    await until(hub, async () => (await titles(hub)).includes(after.title))
    expect(await titles(impostor)).not.toContain(after.title)
  })
})
