import { createServer } from 'node:https'
import type { Server } from 'node:https'
import type { Socket } from 'node:net'
import expressPouchDb from 'express-pouchdb'
import { isLocalNetworkAddress } from './address-ranges'
import type { HubCertificate } from './certificate'
import type { RequestHandler } from './hub-requests'

/**
 * express-pouchdb's smallest mode, less every route replication does not use: no Fauxton, no
 * config, admin or session routes, no views, no compaction, no list of databases.
 */
const EXCLUDED_ROUTES = [
  'routes/all-dbs',
  'routes/compact',
  'routes/temp-views',
  'routes/view-cleanup',
  'routes/views'
]

/**
 * The replication protocol over one database of `replica` (the sync module's constructor, so the
 * hub serves the very LevelDB handle the sync service writes). express-pouchdb lists databases to
 * find one; a constructor of its own answers with only ours, so it never makes its list database.
 */
export async function replicationApp(
  replica: PouchDB.Static,
  dbName: string
): Promise<RequestHandler> {
  const served = replica.defaults({}) as unknown as PouchDB.Static & {
    allDbs: (callback?: (error: null, names: string[]) => void) => Promise<string[]>
  }
  served.allDbs = (callback) => {
    const names = Promise.resolve([dbName])
    if (callback) void names.then((list) => callback(null, list))
    return names
  }
  const app = expressPouchDb({
    mode: 'minimumForPouchDB',
    overrideMode: { exclude: EXCLUDED_ROUTES }
  })
  await app.setPouchDB(served)
  return app
}

export interface RunningHub {
  readonly port: number
  /** Stops listening and drops every open connection (rooms retry and catch up later). */
  close(): Promise<void>
}

/**
 * HTTPS on every interface, answering only loopback and private-network addresses: any other
 * connection is dropped before its TLS handshake.
 */
export function listenHub(
  certificate: HubCertificate,
  port: number,
  handler: RequestHandler,
  host?: string
): Promise<RunningHub> {
  const server: Server = createServer(
    { key: certificate.keyPem, cert: certificate.certPem, minVersion: 'TLSv1.2' },
    handler
  )
  const sockets = new Set<Socket>()
  server.on('connection', (socket: Socket) => {
    if (!isLocalNetworkAddress(socket.remoteAddress)) {
      socket.destroy()
      return
    }
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  // Long-polling _changes requests stay open: no request timeout, but dead sockets go.
  server.requestTimeout = 0
  server.keepAliveTimeout = 30_000
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      const address = server.address()
      const bound = typeof address === 'object' && address !== null ? address.port : port
      resolve({
        port: bound,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            for (const socket of sockets) socket.destroy()
          })
      })
    })
  })
}
