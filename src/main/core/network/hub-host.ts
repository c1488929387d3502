import { networkInterfaces, hostname } from 'node:os'
import type { Clock } from '../clock'
import { REPLICA_DB, replicaPouch } from '../sync/sync-port'
import { hubCertificate } from './certificate'
import type { HubCertificate } from './certificate'
import { announceHub, announcementTxt } from './discovery'
import type { Announcement } from './discovery'
import { HubAccess } from './hub-access'
import { hubRequestHandler } from './hub-requests'
import { listenHub, replicationApp } from './hub-server'
import type { RunningHub } from './hub-server'
import type { HubState } from './network-store'

/** This computer's IPv4 addresses on the clinic network (what a joining computer types). */
export function localAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address)
}

export interface HubHostDeps {
  readonly dataDir: string
  readonly clock: Clock
  readonly warn: (message: string) => void
  readonly hub: () => HubState
  readonly saveHub: (next: HubState) => void
  /** Announce on the local network (off in tests that run several hubs at once). */
  readonly announce: boolean
  /** Listen only here (tests: 127.0.0.1); every interface otherwise. */
  readonly listenHost?: string
}

/** The running hub: its certificate, its HTTPS server and its announcement. */
export class HubHost {
  readonly access: HubAccess
  private running: RunningHub | null = null
  private announcement: Announcement | null = null
  /**
   * The promise, not its result: two first calls at once (sharing, and the screen asking for the
   * fingerprint) made two certificates, and the hub served one and later the other.
   */
  private cert: Promise<HubCertificate> | null = null

  constructor(private readonly deps: HubHostDeps) {
    this.access = new HubAccess(deps.hub, deps.saveHub, deps.clock)
  }

  get port(): number | null {
    return this.running?.port ?? null
  }

  get announced(): boolean {
    return this.announcement?.announced() ?? false
  }

  /** The certificate (made on the first call, then read back). */
  certificate(): Promise<HubCertificate> {
    this.cert ??= hubCertificate(this.deps.dataDir).catch((error: unknown) => {
      this.cert = null // not made: the next call tries again
      throw error
    })
    return this.cert
  }

  /** Starts serving; returns the port it listens on. */
  async start(port: number): Promise<number> {
    if (this.running !== null) return this.running.port
    const certificate = await this.certificate()
    const replica = replicaPouch(this.deps.dataDir)
    const replication = await replicationApp(replica, REPLICA_DB)
    let database: PouchDB.Database | null = null
    const handler = hubRequestHandler({
      dbName: REPLICA_DB,
      libraryName: () => this.deps.hub().libraryName,
      access: this.access,
      database: () => (database ??= new replica(REPLICA_DB)),
      replication
    })
    this.running = await listenHub(certificate, port, handler, this.deps.listenHost)
    if (this.deps.announce) {
      const { libraryName } = this.deps.hub()
      this.announcement = announceHub(
        `Pointbook ${libraryName} (${hostname()})`.slice(0, 63),
        this.running.port,
        announcementTxt(libraryName, certificate.fingerprint),
        this.deps.warn
      )
    }
    return this.running.port
  }

  async stop(): Promise<void> {
    const { running, announcement } = this
    this.running = null
    this.announcement = null
    await announcement?.stop()
    await running?.close()
  }
}
