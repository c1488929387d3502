import { ApiError } from '../../../shared/api/errors'
import { DEFAULT_HUB_PORT } from '../../../shared/network/constants'
import type {
  DiscoveredHub,
  HubCheck,
  JoinReport,
  NetworkStatus
} from '../../../shared/api/network'
import type { Clock } from '../clock'
import { hashPin } from '../role/pin-hash'
import { importSnapshot } from '../sync/sync-port'
import type { SyncPort } from '../sync/sync-port'
import type { WriteGuard } from '../write-guard'
import { checkCouchDb, clientAddress, clientRemote, couchRemote, remoteDbUrl } from './client-link'
import { browseHubs } from './discovery'
import type { HubBrowser } from './discovery'
import { fetchSnapshot, hubHello, joinHub, watchedFetch } from './hub-client'
import { HubFollowing } from './hub-follow'
import { HubHost, localAddresses } from './hub-host'
import { isPortInUse, NETWORK_MESSAGES, problemMessage } from './messages'
import type { TransportProblem } from './messages'
import { readNetworkState, writeNetworkState } from './network-store'
import type { ClientState, HubClientState, HubState, NetworkState } from './network-store'
import { pinnedAgent, readPeerCertificate } from './pinned-connection'

export interface NetworkServiceDeps {
  readonly dataDir: string
  readonly clock: Clock
  readonly guard: WriteGuard
  readonly warn: (message: string) => void
  readonly sync: SyncPort
  /** Tests: listen on this address only, and do not announce (several hubs in one process). */
  readonly hubOptions?: { readonly listenHost?: string; readonly announce?: boolean }
}

/**
 * This computer on the clinic network (docs/clinic-network.md, "Network"): the hub it may be,
 * or the hub (or CouchDB server) it is joined to. Replication itself is the sync module's; this
 * service makes the connection and says how it is going. Nothing here is on a save's path.
 */
export class NetworkService {
  private state: NetworkState
  private readonly host: HubHost
  private problem: string | null = null
  private transport: TransportProblem | null = null
  private browser: HubBrowser | null = null
  private closed = false
  private resuming: Promise<void> | null = null
  /** Said once the hub moved and this computer followed it (until it leaves or restarts). */
  private notice: string | null = null
  /** Counts connections, so that a replaced connection's late reports are ignored. */
  private connection = 0
  private readonly following = new HubFollowing()
  private readonly listeners = new Set<() => void>()

  constructor(private readonly deps: NetworkServiceDeps) {
    this.state = readNetworkState(deps.dataDir, deps.warn)
    this.host = new HubHost({
      dataDir: deps.dataDir,
      clock: deps.clock,
      warn: deps.warn,
      hub: () => this.requireHub(),
      saveHub: (hub) => this.save({ ...this.state, hub }),
      announce: deps.hubOptions?.announce ?? true,
      listenHost: deps.hubOptions?.listenHost
    })
  }

  /**
   * Picks up where the last start left off: the hub serves again, a room reconnects. Once per
   * start: a second call waits for the first (the module calls it; tests wait on it).
   */
  resume(): Promise<void> {
    this.resuming ??= this.resumeOnce()
    return this.resuming
  }

  private async resumeOnce(): Promise<void> {
    if (this.deps.guard.readOnly) return
    const { hub, client } = this.state
    if (hub?.sharing) {
      this.deps.sync.start()
      await this.startHub(hub.port)
    } else if (client !== null) {
      this.deps.sync.start()
      this.connect(client)
    }
  }

  async status(): Promise<NetworkStatus> {
    const { hub, client } = this.state
    const sync = this.deps.sync.status()
    const sharing = hub?.sharing === true
    const mode = sharing
      ? 'hub'
      : client === null
        ? 'off'
        : client.kind === 'hub'
          ? 'client'
          : 'couchdb'
    return {
      mode,
      libraryName: sharing ? (hub?.libraryName ?? null) : (client?.libraryName ?? null),
      sync: { state: sync.state, lastSyncedAt: sync.lastSyncedAt, waiting: sync.waiting },
      problem: this.problem ?? (this.transport ? problemMessage(this.transport) : null),
      notice: this.notice,
      hub:
        hub === null || !sharing
          ? null
          : {
              running: this.host.port !== null,
              port: this.host.port ?? hub.port,
              addresses: localAddresses(),
              fingerprint: (await this.host.certificate()).fingerprint,
              computers: hub.computers.map(({ tokenHash: _hidden, ...shown }) => shown),
              announced: this.host.announced
            },
      client:
        client === null
          ? null
          : {
              address: clientAddress(client),
              fingerprint: client.kind === 'hub' ? client.fingerprint : null,
              computerName: client.kind === 'hub' ? client.computerName : null
            }
    }
  }

  async share(input: {
    libraryName: string
    passphrase: string
    port?: number
  }): Promise<NetworkStatus> {
    this.deps.guard.assertWritable()
    if (this.state.client !== null) {
      throw new ApiError(
        'conflict',
        'This computer is joined to a clinic library. Leave it first to share this one.'
      )
    }
    const passphrase = await hashPin(input.passphrase)
    const previous = this.state.hub
    const port = input.port ?? previous?.port ?? DEFAULT_HUB_PORT
    if (previous?.sharing && port !== previous.port) await this.host.stop()
    this.save({
      ...this.state,
      hub: {
        libraryName: input.libraryName.trim(),
        passphrase,
        port,
        sharing: true,
        computers: previous?.computers ?? [],
        joinTries: previous?.joinTries ?? []
      }
    })
    this.deps.sync.start()
    await this.startHub(port)
    return this.status()
  }

  /**
   * The hub listens on `port` from now on. When another program uses it, the hub stays on the
   * port it had and the clinic is told. Computers that joined find it there by its announcement
   * and its certificate (hub-follow.ts); where multicast is blocked, they join again.
   */
  async setHubPort(port: number): Promise<NetworkStatus> {
    this.deps.guard.assertWritable()
    const hub = this.state.hub
    if (hub === null || !hub.sharing) {
      throw new ApiError('conflict', 'This computer is not sharing a library. Share it first.')
    }
    if (port === this.host.port) return this.status()
    const previous = this.host.port
    await this.host.stop()
    try {
      await this.host.start(port)
    } catch (error) {
      if (previous !== null) await this.startHub(previous)
      if (isPortInUse(error)) throw new ApiError('conflict', NETWORK_MESSAGES.portInUse(port))
      throw new ApiError('io_error', `The hub could not listen on port ${port}: ${String(error)}`)
    }
    this.problem = null
    this.save({ ...this.state, hub: { ...this.requireHub(), port } })
    return this.status()
  }

  async stopSharing(): Promise<NetworkStatus> {
    this.deps.guard.assertWritable()
    await this.host.stop()
    const { hub } = this.state
    if (hub !== null) this.save({ ...this.state, hub: { ...hub, sharing: false } })
    this.problem = null
    return this.status()
  }

  async removeComputer(id: string): Promise<NetworkStatus> {
    this.deps.guard.assertWritable()
    if (this.state.hub === null || !this.host.access.remove(id)) {
      throw new ApiError('not_found', 'That computer is not on this hub’s list.')
    }
    return this.status()
  }

  discover(): { hubs: DiscoveredHub[] } {
    this.browser ??= browseHubs(this.deps.warn)
    return { hubs: this.browser.hubs() }
  }

  /** First contact: the certificate's fingerprint (nothing sent) and the library's name. */
  async checkHub(host: string, port: number): Promise<HubCheck> {
    const { certPem, fingerprint } = await readPeerCertificate(host, port).catch((error: Error) => {
      throw new ApiError('io_error', error.message)
    })
    const libraryName = await hubHello(pinnedAgent(certPem, fingerprint), host, port)
    return { host, port, libraryName, fingerprint }
  }

  async join(input: {
    host: string
    port: number
    fingerprint: string
    passphrase: string
    computerName: string
  }): Promise<JoinReport> {
    this.assertCanJoin()
    const { host, port } = input
    const peer = await readPeerCertificate(host, port).catch((error: Error) => {
      throw new ApiError('io_error', error.message)
    })
    if (peer.fingerprint !== input.fingerprint) {
      throw new ApiError('forbidden', NETWORK_MESSAGES.fingerprintMismatch)
    }
    const agent = pinnedAgent(peer.certPem, peer.fingerprint)
    const joined = await joinHub(agent, host, port, input.passphrase, input.computerName)
    const prepared = this.deps.sync.prepareJoin()
    const client: ClientState = {
      kind: 'hub',
      libraryName: joined.libraryName,
      host,
      port,
      fingerprint: peer.fingerprint,
      certPem: peer.certPem,
      token: joined.token,
      computerName: input.computerName.trim()
    }
    this.save({ ...this.state, client })
    const replica = this.deps.sync.start()
    let received = 0
    let pullSince: string | number | undefined
    try {
      const fetch = watchedFetch({ agent, token: joined.token }, () => undefined)
      const snapshot = await fetchSnapshot(fetch, remoteDbUrl(client))
      received = await importSnapshot(replica, snapshot.docs)
      pullSince = snapshot.updateSeq
    } catch (error) {
      // Live replication brings everything anyway, one document at a time.
      this.deps.warn(
        `The hub's snapshot could not be used; replicating from the start: ${String(error)}`
      )
    }
    this.connect(client, pullSince)
    return {
      libraryName: joined.libraryName,
      backupPath: prepared.backupPath,
      merged: prepared.localItems,
      received
    }
  }

  async joinCouchDb(input: { url: string; user: string; password: string }): Promise<JoinReport> {
    this.assertCanJoin()
    const client: ClientState = {
      kind: 'couchdb',
      libraryName: new URL(input.url).host,
      url: input.url,
      user: input.user,
      password: input.password
    }
    const probe = couchRemote(client, () => undefined)
    await checkCouchDb(probe)
    const prepared = this.deps.sync.prepareJoin()
    this.save({ ...this.state, client })
    this.deps.sync.start()
    this.connect(client)
    return {
      libraryName: client.libraryName,
      backupPath: prepared.backupPath,
      merged: prepared.localItems,
      received: 0
    }
  }

  async leave(): Promise<NetworkStatus> {
    this.deps.guard.assertWritable()
    this.endConnection()
    await this.deps.sync.disconnect()
    this.save({ ...this.state, client: null })
    this.transport = null
    this.problem = null
    this.notice = null
    return this.status()
  }

  /** Called when what the connection reports changes (hub away, certificate, removed). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async close(): Promise<void> {
    this.closed = true
    this.endConnection()
    this.browser?.stop()
    this.browser = null
    await this.host.stop()
  }

  private connect(client: ClientState, pullSince?: string | number): void {
    const connection = ++this.connection
    const remote = clientRemote(client, (problem) => {
      if (problem === this.transport || connection !== this.connection) return
      this.transport = problem
      // Not reachable where it was: the hub may have moved (a hub, never a CouchDB server).
      this.following.problem(client, problem, {
        warn: this.deps.warn,
        onMoved: (moved) => void this.follow(connection, moved),
        onRefused: () => this.changed()
      })
      this.changed()
    })
    this.deps.sync.connect(remote, pullSince === undefined ? undefined : { pullSince })
  }

  /** The hub showed the pinned certificate at another address: reconnect there, keep the rest. */
  private async follow(connection: number, moved: HubClientState): Promise<void> {
    if (connection !== this.connection || this.closed) return
    this.endConnection()
    this.save({ ...this.state, client: moved })
    // Said at once: the old address's problem is over (its late reports are ignored now).
    this.transport = null
    this.notice = NETWORK_MESSAGES.followed(clientAddress(moved))
    this.deps.warn(this.notice)
    await this.deps.sync.disconnect()
    if (this.closed || this.state.client !== moved) return
    this.connect(moved)
    this.changed()
  }

  /** Reports from the current connection are ignored from now on; looking for the hub stops. */
  private endConnection(): void {
    this.connection++
    this.following.stop()
  }

  private changed(): void {
    for (const listener of this.listeners) listener()
  }

  private async startHub(port: number): Promise<void> {
    if (this.closed) return
    try {
      const bound = await this.host.start(port)
      this.problem = null
      const hub = this.requireHub()
      if (bound !== hub.port) this.save({ ...this.state, hub: { ...hub, port: bound } })
    } catch (error) {
      this.problem = isPortInUse(error)
        ? `The hub could not start. ${NETWORK_MESSAGES.portInUse(port)}`
        : `The hub could not start: ${String((error as Error).message ?? error)}`
      this.deps.warn(this.problem)
    }
  }

  private assertCanJoin(): void {
    this.deps.guard.assertWritable()
    if (this.state.hub?.sharing) {
      throw new ApiError(
        'conflict',
        'This computer is the clinic’s hub. Stop sharing first to join another library.'
      )
    }
    if (this.state.client !== null) {
      throw new ApiError(
        'conflict',
        'This computer is already joined. Leave the clinic network first.'
      )
    }
  }

  private requireHub(): HubState {
    const { hub } = this.state
    if (hub === null) throw new Error('The hub is not set up on this computer.')
    return hub
  }

  private save(next: NetworkState): void {
    writeNetworkState(this.deps.dataDir, next)
    this.state = next
  }
}
