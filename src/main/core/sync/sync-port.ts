/**
 * The interface between the sync module (the local replica, docs/clinic-network.md) and the
 * network module (the hub and the client around it). The network module imports only this file.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import PouchDB from 'pouchdb-node'

/** The one database a library replicates (every shared document lives in it). */
export const REPLICA_DB = 'library'

const constructors = new Map<string, PouchDB.Static>()

/**
 * The PouchDB constructor whose databases live in `<dataDir>/replica/`. One per folder per
 * process: LevelDB allows one handle per folder, and PouchDB's LevelDB adapter shares its handle
 * between databases of the same name in one process (closing any of them closes it for all, so
 * only the sync module closes the replica, when the library closes).
 */
export function replicaPouch(dataDir: string): PouchDB.Static {
  const folder = join(dataDir, 'replica')
  const constructor = constructors.get(folder)
  if (constructor === undefined) {
    mkdirSync(folder, { recursive: true })
    // At run time `defaults` returns a full PouchDB class (plugins, replicate, events); its
    // declared type is only the constructor.
    const made = PouchDB.defaults({ prefix: `${folder}/` })
    constructors.set(folder, made)
    return made
  }
  return constructor
}

export type SyncState = 'off' | 'connecting' | 'connected' | 'offline' | 'error'

export interface SyncStatus {
  readonly state: SyncState
  /** When the last replication round finished with nothing left to send or receive. */
  readonly lastSyncedAt: string | null
  /** Local saves not yet in the local replica plus replica changes not yet sent to the hub. */
  readonly waiting: number
  readonly message?: string
}

/** What this computer holds before it joins a clinic library (merged into it on joining). */
export interface JoinPreparation {
  readonly backupPath: string
  readonly localItems: {
    readonly articles: number
    readonly notes: number
    readonly handouts: number
  }
}

/** The sync module's service, as the network module uses it. */
export interface SyncPort {
  /**
   * Opens the local replica and keeps it in step with SQLite from now on (and at every later
   * start of this library): call it when this computer starts sharing as the hub or joins one.
   * Returns the replica (the hub serves it; a joining computer imports the snapshot into it).
   */
  start(): PouchDB.Database
  /** Starts live two-way replication with the hub's database (retrying while it is away). */
  connect(remote: PouchDB.Database, options?: { pullSince?: string | number }): void
  /** Stops live replication; the computer keeps working locally. */
  disconnect(): Promise<void>
  status(): SyncStatus
  onStatus(listener: (status: SyncStatus) => void): () => void
  /** Before joining: makes a backup and says what this computer holds that will be merged. */
  prepareJoin(): JoinPreparation
}

/**
 * Seeding: writes a hub's snapshot (every document with its revision tree, as
 * `bulkGet({ revs: true })` or `allDocs` give them) into the local replica as they are, so the
 * revisions are the hub's and nothing is a new edit. The sync module's applier turns them into
 * SQLite rows like any replicated change. Returns how many documents were written.
 */
export async function importSnapshot(
  replica: PouchDB.Database,
  docs: readonly PouchDB.Core.ExistingDocument<object>[]
): Promise<number> {
  const batch = 500
  for (let start = 0; start < docs.length; start += batch) {
    const results = await replica.bulkDocs(docs.slice(start, start + batch) as never, {
      new_edits: false
    })
    const failed = results.find((result) => 'error' in result && result.error === true)
    if (failed !== undefined) {
      throw new Error(
        `The clinic library's copy could not be saved here: ${JSON.stringify(failed)}`
      )
    }
  }
  return docs.length
}
