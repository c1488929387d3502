import type { Agent } from 'node:https'
import PouchDB from 'pouchdb-node'
import { ApiError } from '../../../shared/api/errors'
import { HELLO_PATH, JOIN_PATH, REFUSED_HEADER } from './hub-requests'
import { NETWORK_MESSAGES, transportProblemOf } from './messages'
import type { TransportProblem } from './messages'
import { hubOrigin } from './pinned-connection'
import { SNAPSHOT_PATH } from './snapshot'
import type { Snapshot } from './snapshot'

type FetchInit = { method?: string; headers?: unknown; body?: unknown; agent?: unknown }
type Fetch = (url: string, init?: FetchInit) => Promise<Response>

/**
 * PouchDB's own fetch (node-fetch, which takes an `agent`), read when a request is made: the main
 * build requires PouchDB on first use, never at start-up (electron.vite.config.ts, LAZY_PACKAGES).
 */
const pouchFetch: Fetch = (url, init) => (PouchDB as unknown as { fetch: Fetch }).fetch(url, init)

/** Adds a header to what PouchDB passes (node-fetch Headers, or a plain object). */
function withHeader(headers: unknown, name: string, value: string): unknown {
  if (typeof headers === 'object' && headers !== null && 'set' in headers) {
    ;(headers as { set(n: string, v: string): void }).set(name, value)
    return headers
  }
  return { ...(headers as Record<string, string> | undefined), [name]: value }
}

/** One request to a hub through the pinned agent; a failed connection says why. */
async function hubRequest(agent: Agent, url: string, init: FetchInit = {}): Promise<Response> {
  try {
    return await pouchFetch(url, { ...init, agent })
  } catch (error) {
    const problem = transportProblemOf(error)
    throw new ApiError(
      problem === 'certificate' ? 'forbidden' : 'io_error',
      problem === 'certificate' ? NETWORK_MESSAGES.certificateChanged : NETWORK_MESSAGES.unreachable
    )
  }
}

export async function hubHello(agent: Agent, host: string, port: number): Promise<string> {
  const response = await hubRequest(agent, `${hubOrigin(host, port)}${HELLO_PATH}`)
  const body = (await response.json().catch(() => null)) as {
    app?: unknown
    libraryName?: unknown
  } | null
  if (!response.ok || body?.app !== 'pointbook' || typeof body.libraryName !== 'string') {
    throw new ApiError('not_found', NETWORK_MESSAGES.notAHub)
  }
  return body.libraryName
}

export interface Joined {
  readonly token: string
  readonly libraryName: string
  readonly dbName: string
}

/** Sends the passphrase once; the hub answers this computer's own token. */
export async function joinHub(
  agent: Agent,
  host: string,
  port: number,
  passphrase: string,
  computerName: string
): Promise<Joined> {
  const response = await hubRequest(agent, `${hubOrigin(host, port)}${JOIN_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ passphrase, computerName })
  })
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
  if (response.status === 429) {
    throw new ApiError('forbidden', NETWORK_MESSAGES.locked(Number(body.retryAfterSeconds) || 60))
  }
  if (response.headers.get(REFUSED_HEADER) === 'wrong_passphrase') {
    throw new ApiError('forbidden', NETWORK_MESSAGES.wrongPassphrase(Number(body.triesLeft) || 0))
  }
  const { token, libraryName, dbName } = body
  if (
    !response.ok ||
    typeof token !== 'string' ||
    typeof libraryName !== 'string' ||
    typeof dbName !== 'string'
  ) {
    throw new ApiError(
      'internal',
      `The hub did not accept this computer (HTTP ${response.status}).`
    )
  }
  return { token, libraryName, dbName }
}

export async function fetchSnapshot(remoteFetch: Fetch, dbUrl: string): Promise<Snapshot> {
  const response = await remoteFetch(`${dbUrl}/${SNAPSHOT_PATH}`, { headers: {} })
  if (!response.ok) {
    throw new ApiError('io_error', `The hub could not send its library (HTTP ${response.status}).`)
  }
  return (await response.json()) as Snapshot
}

/**
 * The fetch a remote database uses: the pinned agent (a hub) or the system's trust (CouchDB),
 * this computer's token on every request to a hub, and what went wrong reported to `onProblem`
 * (null once a request goes through).
 */
export function watchedFetch(
  connection: { readonly agent?: Agent; readonly token?: string },
  onProblem: (problem: TransportProblem | null) => void
): Fetch {
  return async (url, init = {}) => {
    const { agent, token } = connection
    let response: Response
    try {
      response = await pouchFetch(url, {
        ...init,
        ...(agent ? { agent } : {}),
        ...(token ? { headers: withHeader(init.headers, 'authorization', `Bearer ${token}`) } : {})
      })
    } catch (error) {
      onProblem(transportProblemOf(error))
      throw error
    }
    const refused = response.headers.get(REFUSED_HEADER)
    onProblem(refused === 'removed' ? 'removed' : refused === 'unauthorized' ? 'unknown' : null)
    return response
  }
}

/** The hub's database as PouchDB sees it (never created from here: `skip_setup`). */
export function remoteDatabase(
  dbUrl: string,
  fetch: Fetch,
  options: {
    readonly skipSetup?: boolean
    readonly auth?: { username: string; password: string }
  } = {}
): PouchDB.Database {
  return keepLastInfo(
    new PouchDB(dbUrl, {
      skip_setup: options.skipSetup ?? true,
      fetch,
      ...(options.auth ? { auth: options.auth } : {})
    } as PouchDB.Configuration.RemoteDatabaseConfiguration)
  )
}

/**
 * PouchDB 9's replication asks its source for `info()` after each batch only to count progress,
 * and leaves that request's failure unhandled (`finishBatch`): a hub that stops or moves at that
 * moment raised an unhandled rejection in the main process (seen when a room followed its hub).
 * A failed `info()` answers the last one received; the first still fails as before, where the
 * replication handles it and retries.
 */
function keepLastInfo(db: PouchDB.Database): PouchDB.Database {
  const info = db.info.bind(db) as () => Promise<PouchDB.Core.DatabaseInfo>
  let last: PouchDB.Core.DatabaseInfo | undefined
  const safeInfo = async (): Promise<PouchDB.Core.DatabaseInfo> => {
    try {
      last = await info()
    } catch (error) {
      if (last === undefined) throw error
    }
    return last
  }
  // Answers the promise even when given a callback: PouchDB calls `info` again that way while the
  // database is opening, and takes what it returns as the answer.
  db.info = ((callback?: (error: unknown, value?: PouchDB.Core.DatabaseInfo) => void) => {
    const answer = safeInfo()
    answer.then(
      (value) => callback?.(null, value),
      (error: unknown) => callback?.(error)
    )
    return answer
  }) as PouchDB.Database['info']
  return db
}
