import { ApiError } from '../../../shared/api/errors'
import { REPLICA_DB } from '../sync/sync-port'
import { remoteDatabase, watchedFetch } from './hub-client'
import { NETWORK_MESSAGES } from './messages'
import type { TransportProblem } from './messages'
import type { ClientState, CouchClientState } from './network-store'
import { hubOrigin, pinnedAgent } from './pinned-connection'

/** The database URL a client replicates with. */
export function remoteDbUrl(client: ClientState): string {
  return client.kind === 'hub'
    ? `${hubOrigin(client.host, client.port)}/${REPLICA_DB}`
    : couchDbUrl(client.url)
}

/** A CouchDB address names its database, or the library's default one is used. */
export function couchDbUrl(url: string): string {
  const parsed = new URL(url)
  parsed.username = ''
  parsed.password = ''
  if (parsed.pathname === '/' || parsed.pathname === '') parsed.pathname = `/${REPLICA_DB}`
  return parsed.toString().replace(/\/$/, '')
}

/** What the status shows as the address: never a password. */
export const clientAddress = (client: ClientState): string =>
  client.kind === 'hub' ? `${client.host}:${client.port}` : couchDbUrl(client.url)

/**
 * The remote database of a joined computer: a hub through its pinned certificate with this
 * computer's token, or a CouchDB server with its user and password.
 */
export function clientRemote(
  client: ClientState,
  onProblem: (problem: TransportProblem | null) => void
): PouchDB.Database {
  const url = remoteDbUrl(client)
  if (client.kind === 'hub') {
    const agent = pinnedAgent(client.certPem, client.fingerprint)
    return remoteDatabase(url, watchedFetch({ agent, token: client.token }, onProblem))
  }
  return couchRemote(client, onProblem)
}

export function couchRemote(
  client: CouchClientState,
  onProblem: (problem: TransportProblem | null) => void
): PouchDB.Database {
  return remoteDatabase(couchDbUrl(client.url), watchedFetch({}, onProblem), {
    skipSetup: false,
    auth: { username: client.user, password: client.password }
  })
}

/** Checks a CouchDB server answers for this user (and makes the database if it may). */
export async function checkCouchDb(remote: PouchDB.Database): Promise<void> {
  try {
    await remote.info()
  } catch (error) {
    const status = (error as { status?: unknown }).status
    if (status === 401 || status === 403)
      throw new ApiError('forbidden', NETWORK_MESSAGES.couchRefused)
    throw new ApiError(
      'io_error',
      `The CouchDB server did not answer: ${String((error as Error).message ?? error).slice(0, 200)}`
    )
  }
}
