import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import PouchDB from 'pouchdb-node'
import { afterEach, describe, expect, it } from 'vitest'
import { backOff, MAX_RETRY_WAIT_MS } from '../../src/main/core/sync/sync-service'
import type { SyncStatus } from '../../src/main/core/sync/sync-port'
import { openRoom } from './sync-fixtures'
import type { Room } from './sync-fixtures'

const cleanups: Array<() => Promise<unknown>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A server that refuses every request as CouchDB refuses a wrong password. */
async function refusingServer(): Promise<string> {
  const server = createServer((_request, response) => {
    response.writeHead(401, { 'Content-Type': 'application/json' })
    response.end(
      JSON.stringify({ error: 'unauthorized', reason: 'Name or password is incorrect.' })
    )
  })
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  cleanups.push(() => new Promise((closed) => server.close(closed)))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/library`
}

const statusWhere = (room: Room, wanted: (status: SyncStatus) => boolean): Promise<SyncStatus> =>
  new Promise((resolve) => {
    if (wanted(room.sync.status())) return resolve(room.sync.status())
    const stop = room.sync.onStatus((status) => {
      if (!wanted(status)) return
      stop()
      resolve(status)
    })
  })

describe('a hub that refuses this computer', () => {
  it('ends replication with an error, and disconnecting afterwards does not wait forever', async () => {
    const room = openRoom()
    cleanups.push(() => room.close())
    const remote = new PouchDB(await refusingServer())
    room.sync.connect(remote)
    // PouchDB gives up on a 401 named "unauthorized" (no retry) and drops its listeners.
    await statusWhere(room, (status) => status.state === 'error')
    await room.sync.disconnect()
    expect(room.sync.status().state).toBe('off')
  })
})

describe('the wait between tries', () => {
  it('doubles from one second and stops at thirty', () => {
    const waits = [0]
    for (let i = 0; i < 8; i++) waits.push(backOff(waits[waits.length - 1]!))
    expect(waits).toEqual([0, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000])
    expect(MAX_RETRY_WAIT_MS).toBe(30_000)
  })
})
