import { ApiError } from '../../../shared/api/errors'
import { browseHubs } from './discovery'
import type { HeardHub, HubBrowser } from './discovery'
import { hubHello } from './hub-client'
import { NETWORK_MESSAGES } from './messages'
import type { TransportProblem } from './messages'
import type { ClientState, HubClientState } from './network-store'
import { pinnedAgent } from './pinned-connection'

/** The first look again after this, then twice as long each time, up to the longest wait. */
const FIRST_WAIT_MS = 2_000
export const LONGEST_FOLLOW_WAIT_MS = 5 * 60_000

export interface FollowDeps {
  readonly warn: (message: string) => void
  /** The hub answered with the pinned certificate here, and no longer where it was stored. */
  readonly onMoved: (moved: HubClientState) => void
  /** A hub announced as this library showed another certificate (told once per address). */
  readonly onRefused: () => void
  /** How the local network is listened to (the real mDNS browser unless a test says otherwise). */
  readonly browse?: typeof browseHubs
}

/**
 * A joined computer whose hub cannot be reached at its stored address looks for the hub's
 * announcement on the local network (docs/clinic-network.md, "When the hub moves"). An announced
 * hub whose fingerprint prefix is the pinned one is asked for its name through the pinned
 * connection: only a server that holds the pinned certificate's key gets past that handshake, so
 * the pin, not the address or the announcement, says which hub this is. Another certificate is
 * refused in the handshake (nothing sent) and never followed. Asks the network again with a
 * growing wait (2 s, 4 s… up to 5 min), not in a loop. Returns what stops it.
 */
export function followHub(client: HubClientState, deps: FollowDeps): () => void {
  const agent = pinnedAgent(client.certPem, client.fingerprint)
  const refused = new Set<string>()
  const checking = new Set<string>()
  let stopped = false
  let wait = FIRST_WAIT_MS
  let timer: ReturnType<typeof setTimeout> | undefined
  let warned = false
  const warnOnce = (message: string) => {
    if (!warned) deps.warn(message)
    warned = true
  }
  const browser: HubBrowser = (deps.browse ?? browseHubs)(warnOnce, (_hub, heard) =>
    consider(heard)
  )
  const stop = () => {
    if (stopped) return
    stopped = true
    clearTimeout(timer)
    browser.stop()
    agent.destroy()
  }

  const check = async (host: string, port: number) => {
    const key = `${host}|${port}`
    if (stopped || refused.has(key) || checking.has(key)) return
    checking.add(key)
    try {
      await hubHello(agent, host, port)
      // The hub may simply be back where it was (a restart): then nothing moves.
      const back = await hubHello(agent, client.host, client.port).then(
        () => true,
        () => false
      )
      if (stopped || back) return
      stop()
      deps.onMoved({ ...client, host, port })
    } catch (error) {
      // Another certificate: refused for good. Not reachable, or not a hub: asked again later.
      if (error instanceof ApiError && error.code === 'forbidden' && !stopped) {
        refused.add(key)
        deps.warn(NETWORK_MESSAGES.notFollowed(`${host}:${port}`))
        deps.onRefused()
      }
    } finally {
      checking.delete(key)
    }
  }

  function consider(heard: HeardHub): void {
    if (!client.fingerprint.startsWith(heard.hub.fingerprintPrefix)) return
    const { port } = heard.hub
    // The stored host first: a hub that changed its port usually kept its address.
    for (const host of new Set([client.host, ...heard.addresses])) {
      if (host !== client.host || port !== client.port) void check(host, port)
    }
  }

  const lookAgain = () => {
    browser.ask()
    for (const heard of browser.heard()) consider(heard)
    wait = Math.min(wait * 2, LONGEST_FOLLOW_WAIT_MS)
    timer = setTimeout(lookAgain, wait)
    timer.unref()
  }
  timer = setTimeout(lookAgain, wait)
  timer.unref()
  return stop
}

/** One search at a time: while the joined hub is not reachable, and only then. */
export class HubFollowing {
  private stopSearch: (() => void) | null = null

  /** What the connection reports now (null: it goes through). */
  problem(client: ClientState, problem: TransportProblem | null, deps: FollowDeps): void {
    this.stop()
    if (problem === 'unreachable' && client.kind === 'hub')
      this.stopSearch = followHub(client, deps)
  }

  stop(): void {
    this.stopSearch?.()
    this.stopSearch = null
  }
}
