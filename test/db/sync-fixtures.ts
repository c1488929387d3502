import { onTestFinished } from 'vitest'
import { openLibrary } from '../../src/main/core'
import type { Library } from '../../src/main/core'
import { libraryInternals } from '../../src/main/core/library'
import type { SyncService } from '../../src/main/core/sync/sync-service'
import { REPLICA_DB, replicaPouch } from '../../src/main/core/sync/sync-port'
import { writeBuiltinHandout } from './handouts-fixtures'
import { tempDir, testClock } from './helpers'
import type { TestClock } from './helpers'

/** One computer of the clinic: the real core on its own data folder, its replica started. */
export interface Room {
  readonly library: Library
  readonly sync: SyncService
  readonly replica: PouchDB.Database
  readonly dataDir: string
  /** The computer's clock (it stands still unless a test moves it). */
  readonly clock: TestClock
  close(): Promise<void>
}

/** Opens a computer's library (by default no shipped content: the clinic's own items only). */
export function openRoom(
  options: {
    dataDir?: string
    resourcesDir?: string
    clockStart?: string
    /** Where the core's warnings go (a refused replicated document, for one). */
    warn?: (message: string) => void
  } = {}
): Room {
  const dataDir = options.dataDir ?? tempDir('pointbook-room-')
  const clock = testClock(options.clockStart ?? '2026-01-10T09:00:00.000Z')
  const library = openLibrary({
    dataDir,
    resourcesDir: options.resourcesDir ?? tempDir('pointbook-resources-'),
    warn: options.warn ?? (() => undefined),
    platform: { clock: clock.now }
  })
  const { sync } = libraryInternals(library).services.sync
  const replica = sync.start()
  let closed: Promise<void> | null = null
  const room: Room = {
    library,
    sync,
    replica,
    dataDir,
    clock,
    close: () => {
      closed ??= sync.close().then(() => library.close())
      return closed
    }
  }
  onTestFinished(() => room.close())
  return room
}

/** A plain hub: a replica in its own folder, as the clinic's hub computer serves it. */
export function openHub(): PouchDB.Database {
  const Pouch = replicaPouch(tempDir('pointbook-hub-'))
  const hub = new Pouch(REPLICA_DB)
  onTestFinished(() => hub.close())
  return hub
}

/** One round of replication both ways between a room and the hub, then the room applies it. */
export async function exchange(room: Room, hub: PouchDB.Database): Promise<void> {
  await room.sync.settled()
  await room.replica.replicate.to(hub)
  await room.replica.replicate.from(hub)
  await room.sync.settled()
}

/**
 * Rounds of exchanges until a whole round changes no replica: every room then has everything
 * the others saved (and what applying it made, such as a copy of the shown text).
 */
export async function converge(rooms: readonly Room[], hub: PouchDB.Database): Promise<void> {
  const seqs = async (): Promise<string> =>
    (await Promise.all([hub, ...rooms.map((room) => room.replica)].map((db) => db.info())))
      .map((info) => String(info.update_seq))
      .join(' ')
  for (let round = 0; round < 8; round += 1) {
    const before = await seqs()
    for (const room of rooms) await exchange(room, hub)
    if ((await seqs()) === before) return
  }
  throw new Error('The rooms did not settle in 8 rounds of replication.')
}

/** Shipped content of one built-in handout, `after-ims` (every computer has the same one). */
export function resourcesWithHandout(): string {
  const resourcesDir = tempDir('pointbook-resources-')
  writeBuiltinHandout(resourcesDir, { id: 'after-ims', body: 'Drink water after IMS.\n' })
  return resourcesDir
}

/** A hub, a treatment room and the front desk computer, both shipping `after-ims`, in step. */
export async function roomAndFrontDesk(): Promise<{
  hub: PouchDB.Database
  room: Room
  frontDesk: Room
}> {
  const resourcesDir = resourcesWithHandout()
  const hub = openHub()
  const room = openRoom({ resourcesDir })
  const frontDesk = openRoom({ resourcesDir })
  await converge([room, frontDesk], hub)
  return { hub, room, frontDesk }
}
