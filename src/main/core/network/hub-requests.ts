import type { IncomingMessage, ServerResponse } from 'node:http'
import type { HubAccess } from './hub-access'
import { readSnapshot, SNAPSHOT_PATH } from './snapshot'

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void

export const JOIN_PATH = '/_pointbook/join'
export const HELLO_PATH = '/_pointbook/hello'
/** A refusal's reason, in a header the client reads without parsing the body. */
export const REFUSED_HEADER = 'x-pointbook-refused'

export interface HubRequestDeps {
  readonly dbName: string
  readonly libraryName: () => string
  readonly access: HubAccess
  readonly database: () => PouchDB.Database
  /** express-pouchdb: the replication protocol for the one database. */
  readonly replication: RequestHandler
}

/**
 * The hub's front door. Unauthenticated: `hello` (the library's name, for the joining screen)
 * and `join` (the passphrase, once, for a token). Everything else needs a computer's token and
 * reaches only the one database, and only the parts of the protocol replication uses: no
 * database creation or deletion, no other database, no design documents, views or compaction.
 */
export function hubRequestHandler(deps: HubRequestDeps): RequestHandler {
  const db = `/${deps.dbName}`
  const allowedSpecial = new Set([
    '_changes',
    '_bulk_docs',
    '_bulk_get',
    '_all_docs',
    '_revs_diff',
    '_ensure_full_commit',
    SNAPSHOT_PATH
  ])
  const allowedPath = (method: string, path: string): boolean => {
    if (path === db || path === `${db}/`) return method === 'GET' || method === 'HEAD'
    if (!path.startsWith(`${db}/`)) return false
    const rest = decodeURIComponent(path.slice(db.length + 1))
    const first = rest.split('/')[0] ?? ''
    if (first === '_local') return true
    if (first.startsWith('_')) return allowedSpecial.has(first)
    return true
  }

  return (req, res) => {
    const method = req.method ?? 'GET'
    const path = new URL(req.url ?? '/', 'https://hub').pathname
    const address = req.socket.remoteAddress ?? 'unknown'
    if (path === HELLO_PATH && method === 'GET') {
      return sendJson(res, 200, { app: 'pointbook', libraryName: deps.libraryName() })
    }
    if (path === JOIN_PATH && method === 'POST') {
      void handleJoin(deps, req, res, address)
      return
    }
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1]
    const checked = token === undefined ? null : deps.access.check(token)
    if (checked === null || !checked.ok) {
      const removed = checked?.reason === 'removed'
      res.setHeader(REFUSED_HEADER, removed ? 'removed' : 'unauthorized')
      return sendJson(res, removed ? 403 : 401, {
        // Not CouchDB's 'forbidden'/'unauthorized' names, which end a replication for good:
        // the room keeps retrying (slowly) and says why, and leaving works as usual.
        error: removed ? 'computer_removed' : 'unknown_computer',
        reason: removed ? 'This computer was removed from the clinic network.' : 'Join first.'
      })
    }
    deps.access.seen(checked.computer)
    let allowed = false
    try {
      allowed = allowedPath(method, path)
    } catch {
      allowed = false // a malformed %-escape
    }
    if (!allowed)
      return sendJson(res, 403, { error: 'forbidden', reason: 'Not part of replication.' })
    if (path === `${db}/${SNAPSHOT_PATH}` && method === 'GET') {
      readSnapshot(deps.database()).then(
        (snapshot) => sendJson(res, 200, snapshot),
        (error: unknown) => sendJson(res, 500, { error: 'internal', reason: String(error) })
      )
      return
    }
    deps.replication(req, res)
  }
}

async function handleJoin(
  deps: HubRequestDeps,
  req: IncomingMessage,
  res: ServerResponse,
  address: string
): Promise<void> {
  let body: { passphrase?: unknown; computerName?: unknown }
  try {
    body = JSON.parse(await readBody(req, 4096)) as typeof body
  } catch {
    return sendJson(res, 400, { error: 'bad_request', reason: 'invalid_json' })
  }
  const { passphrase, computerName } = body
  if (typeof passphrase !== 'string' || typeof computerName !== 'string' || !computerName.trim()) {
    return sendJson(res, 400, { error: 'bad_request', reason: 'passphrase and computerName' })
  }
  const outcome = await deps.access.join(passphrase, computerName, address)
  if (outcome.ok) {
    return sendJson(res, 200, {
      token: outcome.token,
      computerId: outcome.computer.id,
      libraryName: deps.libraryName(),
      dbName: deps.dbName
    })
  }
  res.setHeader(REFUSED_HEADER, outcome.reason)
  if (outcome.reason === 'locked') {
    res.setHeader('retry-after', String(outcome.retryAfterSeconds))
    return sendJson(res, 429, { error: 'locked', retryAfterSeconds: outcome.retryAfterSeconds })
  }
  return sendJson(res, 403, { error: 'wrong_passphrase', triesLeft: outcome.triesLeft })
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        reject(new Error('too large'))
        req.destroy()
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body)
  })
  res.end(body)
}
