import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type PouchDB from 'pouchdb-node'
import { ApiError } from '../../src/shared/api/errors'
import { hashPin } from '../../src/main/core/role/pin-hash'
import { fingerprintOf, NETWORK_FOLDER } from '../../src/main/core/network/certificate'
import {
  fetchSnapshot,
  hubHello,
  joinHub,
  remoteDatabase,
  watchedFetch
} from '../../src/main/core/network/hub-client'
import { HubHost } from '../../src/main/core/network/hub-host'
import type { TransportProblem } from '../../src/main/core/network/messages'
import { NETWORK_MESSAGES } from '../../src/main/core/network/messages'
import type { HubState } from '../../src/main/core/network/network-store'
import {
  hubOrigin,
  pinnedAgent,
  readPeerCertificate
} from '../../src/main/core/network/pinned-connection'
import { REPLICA_DB, importSnapshot, replicaPouch } from '../../src/main/core/sync/sync-port'
import { tempDir } from './helpers'

// Cheap scrypt for the test's passphrase (the real cost is the PIN's; the logic is the same).
const CHEAP = { N: 2 ** 10, r: 8, p: 1, keyLength: 32 } as const
const PASSPHRASE = 'north clinic 2026'

const stops: (() => Promise<void>)[] = []
afterEach(async () => {
  while (stops.length > 0) await stops.pop()?.()
})

/** A hub on 127.0.0.1 serving the replica of its own data folder. */
async function startHub(dataDir = tempDir('pointbook-hub-')) {
  let state: HubState = {
    libraryName: 'North Clinic',
    passphrase: await hashPin(PASSPHRASE, CHEAP),
    port: 0,
    sharing: true,
    computers: []
  }
  const host = new HubHost({
    dataDir,
    clock: () => new Date(),
    warn: () => undefined,
    hub: () => state,
    saveHub: (next) => {
      state = next
    },
    announce: false,
    listenHost: '127.0.0.1'
  })
  const port = await host.start(0)
  stops.push(() => host.stop())
  const db = new (replicaPouch(dataDir))(REPLICA_DB)
  return { dataDir, host, port, db, state: () => state }
}

async function firstContact(port: number) {
  const peer = await readPeerCertificate('127.0.0.1', port)
  return { ...peer, agent: pinnedAgent(peer.certPem, peer.fingerprint) }
}

/** A room's replica joined to the hub with its token; `problems` records what its fetch saw. */
async function joinRoom(port: number, name: string) {
  const contact = await firstContact(port)
  const joined = await joinHub(contact.agent, '127.0.0.1', port, PASSPHRASE, name)
  const problems: (TransportProblem | null)[] = []
  const fetch = watchedFetch({ agent: contact.agent, token: joined.token }, (p) => problems.push(p))
  const url = `${hubOrigin('127.0.0.1', port)}/${joined.dbName}`
  const local = new (replicaPouch(tempDir('pointbook-room-')))(REPLICA_DB)
  return { ...joined, fetch, url, remote: remoteDatabase(url, fetch), local, problems, contact }
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

describe('the hub over HTTPS on 127.0.0.1', () => {
  it('keeps one certificate; a room pins it, joins with the passphrase and replicates both ways', async () => {
    const hub = await startHub()
    await hub.db.put({ _id: 'article:a', title: 'From the hub' })
    const first = await hub.host.certificate()
    const contact = await firstContact(hub.port)
    expect(contact.fingerprint).toBe(first.fingerprint)
    expect(contact.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    expect(await hubHello(contact.agent, '127.0.0.1', hub.port)).toBe('North Clinic')

    const room = await joinRoom(hub.port, 'Room 1')
    expect(hub.state().computers.map((c) => c.name)).toEqual(['Room 1'])
    expect(JSON.stringify(hub.state())).not.toContain(room.token)

    const snapshot = await fetchSnapshot(room.fetch, room.url)
    expect(snapshot.docs.map((d) => d._id)).toEqual(['article:a'])
    expect(await importSnapshot(room.local, snapshot.docs)).toBe(1)
    const seeded = await room.local.get('article:a', { revs: true })
    expect(seeded._rev).toBe((await hub.db.get('article:a'))._rev)

    await room.local.put({ _id: 'note:r1', text: 'From room 1' })
    const pushed = await room.local.replicate.to(room.remote)
    expect(pushed.docs_written).toBe(1)
    expect((await hub.db.get<{ text: string }>('note:r1')).text).toBe('From room 1')
    const pulled = await room.local.replicate.from(room.remote, { since: snapshot.updateSeq })
    expect(pulled.docs_written).toBe(0) // the snapshot already had it
    expect(room.problems.every((p) => p === null)).toBe(true)
  })

  it('makes one certificate when it is asked for twice at once (sharing while the screen asks)', async () => {
    const dataDir = tempDir('pointbook-hub-')
    const host = new HubHost({
      dataDir,
      clock: () => new Date(),
      warn: () => undefined,
      hub: () => {
        throw new Error('not asked')
      },
      saveHub: () => undefined,
      announce: false
    })
    const [first, second] = await Promise.all([host.certificate(), host.certificate()])
    expect(second.fingerprint).toBe(first.fingerprint)
    const stored = readFileSync(join(dataDir, NETWORK_FOLDER, 'hub-certificate.pem'), 'utf8')
    expect(fingerprintOf(stored)).toBe(first.fingerprint)
  })

  it('refuses a wrong passphrase with tries left, then locks the address', async () => {
    const hub = await startHub()
    const { agent } = await firstContact(hub.port)
    const wrong = await rejection(joinHub(agent, '127.0.0.1', hub.port, 'not the one', 'Room 9'))
    expect(wrong.code).toBe('forbidden')
    expect(wrong.message).toBe(NETWORK_MESSAGES.wrongPassphrase(4))
    for (let i = 0; i < 4; i++)
      await joinHub(agent, '127.0.0.1', hub.port, 'nope nope', 'R').catch(() => null)
    const locked = await rejection(joinHub(agent, '127.0.0.1', hub.port, PASSPHRASE, 'Room 9'))
    expect(locked.message).toMatch(/^Too many wrong passphrases/)
    expect(hub.state().computers).toEqual([])
  })

  it('refuses requests without a token, outside the one database, and from a removed computer', async () => {
    const hub = await startHub()
    const room = await joinRoom(hub.port, 'Front desk')
    const { agent } = room.contact
    const origin = hubOrigin('127.0.0.1', hub.port)
    const anonymous = watchedFetch({ agent }, () => undefined)
    expect((await anonymous(`${origin}/${REPLICA_DB}`)).status).toBe(401)
    for (const [method, path] of [
      ['DELETE', `/${REPLICA_DB}`],
      ['PUT', '/other'],
      ['GET', '/_all_dbs'],
      ['GET', '/_config'],
      ['POST', `/${REPLICA_DB}/_compact`],
      ['GET', `/${REPLICA_DB}/_design/x`]
    ] as const) {
      expect((await room.fetch(`${origin}${path}`, { method })).status, `${method} ${path}`).toBe(
        403
      )
    }
    expect((await room.fetch(`${origin}/${REPLICA_DB}`)).status).toBe(200)

    const id = hub.state().computers[0]?.id ?? ''
    expect(hub.host.access.remove(id)).toBe(true)
    await expect(room.local.replicate.from(room.remote)).rejects.toMatchObject({ status: 403 })
    expect(room.problems.at(-1)).toBe('removed')
  })

  it('refuses a swapped certificate before sending anything', async () => {
    const hub = await startHub()
    const pinned = await firstContact(hub.port)
    await hub.host.stop()
    // Same data folder, new certificate: what an impostor on the hub's address would present.
    rmSync(join(hub.dataDir, NETWORK_FOLDER), { recursive: true })
    const impostor = new HubHost({
      dataDir: hub.dataDir,
      clock: () => new Date(),
      warn: () => undefined,
      hub: hub.state,
      saveHub: () => undefined,
      announce: false,
      listenHost: '127.0.0.1'
    })
    const port = await impostor.start(hub.port)
    stops.push(() => impostor.stop())
    expect(port).toBe(hub.port)
    const refused = await rejection(joinHub(pinned.agent, '127.0.0.1', port, PASSPHRASE, 'Room 1'))
    expect(refused.message).toBe(NETWORK_MESSAGES.certificateChanged)
    expect(hub.state().computers).toEqual([])

    const problems: (TransportProblem | null)[] = []
    const remote = remoteDatabase(
      `${hubOrigin('127.0.0.1', port)}/${REPLICA_DB}`,
      watchedFetch({ agent: pinned.agent, token: 'x' }, (p) => problems.push(p))
    )
    await expect(remote.info()).rejects.toBeDefined()
    expect(problems).toContain('certificate')
  })

  it('a room catches up after the hub restarts mid-sync', async () => {
    const hub = await startHub()
    const room = await joinRoom(hub.port, 'Room 2')
    const sync = room.local.sync(room.remote, {
      live: true,
      retry: true,
      back_off_function: () => 50
    })
    stops.push(async () => sync.cancel())
    const paused = () => new Promise<void>((resolve) => sync.once('paused', () => resolve()))
    await hub.db.put({ _id: 'handout:one', v: 1 })
    await waitForDoc(room.local, 'handout:one')
    await hub.host.stop()
    await room.local.put({ _id: 'note:while-away', v: 1 })
    await paused()
    await hub.host.start(hub.port)
    await hub.db.put({ _id: 'handout:two', v: 1 })
    await waitForDoc(room.local, 'handout:two')
    await waitForDoc(hub.db, 'note:while-away')
    expect(room.problems).toContain('unreachable')
    expect(room.problems.at(-1)).toBeNull()
  })
})

/** Resolves when the document is in the database (on its changes feed, never a sleep). */
async function waitForDoc(db: PouchDB.Database, id: string): Promise<void> {
  const feed = db.changes({ live: true, since: 0, doc_ids: [id] })
  await new Promise<void>((resolve) => feed.on('change', () => resolve()))
  feed.cancel()
}
