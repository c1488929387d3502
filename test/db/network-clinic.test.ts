import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { libraryInternals } from '../../src/main/core/library'
import { JOIN_LOCK_MS, JOIN_MAX_TRIES } from '../../src/main/core/network/hub-access'
import { NETWORK_MESSAGES } from '../../src/main/core/network/messages'
import { HUB_PORT_RANGE_MESSAGE } from '../../src/shared/network/constants'
import { freePort } from '../support/free-port'
import { apiErrorOf, call, draft, tempDir, testClock } from './helpers'
import {
  closeComputersAfterEach,
  computer,
  join,
  PASSPHRASE,
  share,
  shutNow,
  titles,
  until
} from './network-computers'

closeComputersAfterEach()

describe('three computers through the real core, the hub over HTTPS on 127.0.0.1', () => {
  it('joins two rooms; an edit in room 1 reaches room 2; the hub restarted mid-sync is caught up', async () => {
    const port = await freePort()
    const hub = computer()
    const status = await share(hub, port)
    expect(status.mode).toBe('hub')
    expect(status.hub?.running).toBe(true)
    await call(hub, 'articles:create', draft('Hub protocol for needle-stick'))

    const room1 = computer()
    await call(room1, 'articles:create', draft('Room 1 own notes on IMS'))
    const report = await join(room1, port, 'Room 1')
    expect(report.libraryName).toBe('North Clinic')
    expect(report.merged.articles).toBe(1)
    expect(report.backupPath).toMatch(/backups/)
    expect(report.received).toBeGreaterThan(0)

    const room2 = computer()
    await join(room2, port, 'Room 2')
    const hubStatus = await call(hub, 'network:status', {})
    expect(hubStatus.hub?.computers.map((c) => c.name)).toEqual(['Room 1', 'Room 2'])
    expect((await call(room2, 'network:status', {})).client?.fingerprint).toBe(
      hubStatus.hub?.fingerprint
    )

    await until(room2, async () => (await titles(room2)).includes('Room 1 own notes on IMS'))
    expect(await titles(room2)).toContain('Hub protocol for needle-stick')

    const created = await call(room1, 'articles:create', draft('Dry needling aftercare in room 1'))
    await until(room2, async () => (await titles(room2)).includes(created.title))

    // The hub goes away mid-sync: room 1 keeps saving; both rooms catch up when it is back.
    await call(hub, 'network:stopSharing', {})
    const whileAway = await call(room1, 'articles:create', draft('Written while the hub was off'))
    expect(whileAway.title).toBe('Written while the hub was off')
    await share(hub, port)
    await until(room2, async () => (await titles(room2)).includes(whileAway.title))
    await until(hub, async () => (await titles(hub)).includes(whileAway.title))
  })

  it('refuses a wrong passphrase, a swapped certificate and a removed computer, each with its message', async () => {
    const port = await freePort()
    const hub = computer()
    await share(hub, port)
    const room = computer()

    const wrong = await apiErrorOf(join(room, port, 'Room 3', 'not the passphrase'))
    expect(wrong.message).toBe(NETWORK_MESSAGES.wrongPassphrase(4))
    expect((await call(room, 'network:status', {})).mode).toBe('off')

    await join(room, port, 'Room 3')
    const hubStatus = await call(hub, 'network:status', {})
    const id = hubStatus.hub?.computers[0]?.id ?? ''
    await call(hub, 'network:removeComputer', { id })
    await call(hub, 'articles:create', draft('After the removal'))
    await until(
      room,
      async () => (await call(room, 'network:status', {})).problem === NETWORK_MESSAGES.removed
    )
    expect((await call(room, 'network:status', {})).problem).toBe(NETWORK_MESSAGES.removed)
    expect(await titles(room)).not.toContain('After the removal')

    // Another computer answers on the hub's address with its own certificate (an impostor).
    const other = computer()
    await join(other, port, 'Room 4')
    await call(hub, 'network:stopSharing', {})
    const impostor = computer()
    await call(impostor, 'network:share', {
      libraryName: 'North Clinic',
      passphrase: PASSPHRASE,
      port
    })
    await until(
      other,
      async () =>
        (await call(other, 'network:status', {})).problem === NETWORK_MESSAGES.certificateChanged
    )
    expect((await libraryInternals(impostor).services.network.status()).hub?.computers).toEqual([])
    const fresh = computer()
    const checked = await call(fresh, 'network:checkHub', { host: '127.0.0.1', port })
    expect(checked.fingerprint).not.toBe(hubStatus.hub?.fingerprint)
    const pinnedOld = await apiErrorOf(
      call(fresh, 'network:join', {
        host: '127.0.0.1',
        port,
        fingerprint: hubStatus.hub?.fingerprint ?? '',
        passphrase: PASSPHRASE,
        computerName: 'Room 5'
      })
    )
    expect(pinnedOld.message).toBe(NETWORK_MESSAGES.fingerprintMismatch)
  })

  it('moves the hub to another port, and keeps it where it was when that port is taken', async () => {
    const [first, second] = [await freePort(), await freePort()]
    const hubDir = tempDir('pointbook-computer-')
    const hub = computer({ dataDir: hubDir })
    await share(hub, first)
    const room = computer()
    const answers = async (port: number) =>
      (await call(room, 'network:checkHub', { host: '127.0.0.1', port })).libraryName

    // Another program listens on the port asked for: refused, the hub stays where it was.
    const other = createServer()
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
    const taken = (other.address() as AddressInfo).port
    const refused = await apiErrorOf(call(hub, 'network:setHubPort', { port: taken }))
    other.close()
    expect(refused.message).toBe(NETWORK_MESSAGES.portInUse(taken))
    expect((await call(hub, 'network:status', {})).hub).toMatchObject({
      running: true,
      port: first
    })
    expect(await answers(first)).toBe('North Clinic')

    const below = await apiErrorOf(call(hub, 'network:setHubPort', { port: 80 }))
    expect(below.message).toContain(HUB_PORT_RANGE_MESSAGE)

    const moved = await call(hub, 'network:setHubPort', { port: second })
    expect(moved.hub).toMatchObject({ running: true, port: second })
    expect(await answers(second)).toBe('North Clinic')
    // The next start serves on the new port.
    await shutNow(hub)
    const restarted = computer({ dataDir: hubDir })
    await libraryInternals(restarted).services.network.resume()
    expect((await call(restarted, 'network:status', {})).hub?.port).toBe(second)
    expect(await answers(second)).toBe('North Clinic')
  })

  it('keeps a passphrase lock when the hub restarts, until its minute has passed', async () => {
    const port = await freePort()
    const clock = testClock('2026-03-02T09:00:00.000Z')
    const hubDir = tempDir('pointbook-computer-')
    const hub = computer({ dataDir: hubDir, clock: clock.now })
    await share(hub, port)
    const room = computer()
    for (let tries = 1; tries < JOIN_MAX_TRIES; tries++) {
      await apiErrorOf(join(room, port, 'Room 6', 'not the passphrase'))
    }
    const last = await apiErrorOf(join(room, port, 'Room 6', 'not the passphrase'))
    expect(last.message).toBe(NETWORK_MESSAGES.locked(JOIN_LOCK_MS / 1000))

    // The hub computer restarts (the app closed and opened again): the lock is still there.
    await shutNow(hub)
    const restarted = computer({ dataDir: hubDir, clock: clock.now })
    await libraryInternals(restarted).services.network.resume()
    expect((await call(restarted, 'network:status', {})).hub?.running).toBe(true)
    clock.advance(JOIN_LOCK_MS / 2)
    const stillLocked = await apiErrorOf(join(room, port, 'Room 6'))
    expect(stillLocked.message).toBe(NETWORK_MESSAGES.locked(JOIN_LOCK_MS / 2000))

    // Once the minute has passed, the right passphrase joins.
    clock.advance(JOIN_LOCK_MS / 2)
    await join(room, port, 'Room 6')
    const joined = (await call(restarted, 'network:status', {})).hub?.computers
    expect(joined?.map((c) => c.name)).toEqual(['Room 6'])
  })
})
