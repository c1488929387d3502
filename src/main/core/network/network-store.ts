import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isPinHash } from '../role/pin-hash'
import type { PinHash } from '../role/pin-hash'
import { NETWORK_FOLDER } from './certificate'

/** A computer that joined this hub: its name and the SHA-256 of its token (never the token). */
export interface StoredComputer {
  readonly id: string
  readonly name: string
  readonly tokenHash: string
  readonly joinedAt: string
  readonly lastSeenAt: string | null
  readonly removed: boolean
}

/**
 * Wrong passphrases in a row from one address, and until when it is locked out (ms since the
 * epoch; 0 while it is not). Kept with the hub so that restarting it does not lift a lock.
 */
export interface JoinTries {
  readonly address: string
  readonly count: number
  readonly lockedUntil: number
}

export interface HubState {
  readonly libraryName: string
  readonly passphrase: PinHash
  readonly port: number
  /** Sharing is on (the server starts with the library); off keeps the computers for later. */
  readonly sharing: boolean
  readonly computers: readonly StoredComputer[]
  /** Absent in a file written before the lock was kept (none then). */
  readonly joinTries?: readonly JoinTries[]
}

/** A room joined to a Pointbook hub: the pinned certificate and this computer's token. */
export interface HubClientState {
  readonly kind: 'hub'
  readonly libraryName: string
  readonly host: string
  readonly port: number
  readonly fingerprint: string
  readonly certPem: string
  readonly token: string
  readonly computerName: string
}

/** A computer replicating with a CouchDB server (its own user and password, kept here only). */
export interface CouchClientState {
  readonly kind: 'couchdb'
  readonly libraryName: string
  readonly url: string
  readonly user: string
  readonly password: string
}

export type ClientState = HubClientState | CouchClientState

export interface NetworkState {
  readonly hub: HubState | null
  readonly client: ClientState | null
}

const STATE_FILE = 'network.json'
export const NO_NETWORK: NetworkState = { hub: null, client: null }

/**
 * This computer's place on the clinic network, in a file beside the database that only this user
 * can read (0600: it holds the room's token or a CouchDB password). Like role.json it belongs to
 * the computer: it is in no backup, export or replica.
 */
export function readNetworkState(dataDir: string, warn: (message: string) => void): NetworkState {
  const path = join(dataDir, NETWORK_FOLDER, STATE_FILE)
  if (!existsSync(path)) return NO_NETWORK
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<NetworkState>
    return { hub: validHub(value.hub), client: validClient(value.client) }
  } catch (error) {
    warn(
      `The clinic network setting could not be read, so this computer is not on the network until it shares or joins again: ${String(error)}`
    )
    return NO_NETWORK
  }
}

export function writeNetworkState(dataDir: string, state: NetworkState): void {
  const folder = join(dataDir, NETWORK_FOLDER)
  mkdirSync(folder, { recursive: true, mode: 0o700 })
  const path = join(folder, STATE_FILE)
  const partial = `${path}.partial`
  writeFileSync(partial, `${JSON.stringify(state)}\n`, { mode: 0o600 })
  renameSync(partial, path)
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0

function validHub(value: unknown): HubState | null {
  if (typeof value !== 'object' || value === null) return null
  const hub = value as Record<string, unknown>
  if (!isText(hub.libraryName) || !isPinHash(hub.passphrase)) return null
  if (typeof hub.port !== 'number' || !Array.isArray(hub.computers)) return null
  return {
    libraryName: hub.libraryName,
    passphrase: hub.passphrase,
    port: hub.port,
    sharing: hub.sharing === true,
    computers: (hub.computers as unknown[]).filter(isStoredComputer),
    joinTries: Array.isArray(hub.joinTries) ? (hub.joinTries as unknown[]).filter(isJoinTries) : []
  }
}

function isJoinTries(value: unknown): value is JoinTries {
  if (typeof value !== 'object' || value === null) return false
  const t = value as Record<string, unknown>
  return isText(t.address) && Number.isSafeInteger(t.count) && Number.isSafeInteger(t.lockedUntil)
}

function isStoredComputer(value: unknown): value is StoredComputer {
  if (typeof value !== 'object' || value === null) return false
  const c = value as Record<string, unknown>
  return (
    isText(c.id) &&
    isText(c.name) &&
    isText(c.tokenHash) &&
    isText(c.joinedAt) &&
    (c.lastSeenAt === null || isText(c.lastSeenAt)) &&
    typeof c.removed === 'boolean'
  )
}

function validClient(value: unknown): ClientState | null {
  if (typeof value !== 'object' || value === null) return null
  const c = value as Record<string, unknown>
  if (c.kind === 'hub') {
    const fields = ['libraryName', 'host', 'fingerprint', 'certPem', 'token', 'computerName']
    if (fields.every((f) => isText(c[f])) && typeof c.port === 'number') {
      return value as HubClientState
    }
  }
  if (
    c.kind === 'couchdb' &&
    ['libraryName', 'url', 'user', 'password'].every((f) => isText(c[f]))
  ) {
    return value as CouchClientState
  }
  return null
}
