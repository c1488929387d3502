import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import type { Clock } from '../clock'
import { pinMatches } from '../role/pin-hash'
import type { HubState, JoinTries, StoredComputer } from './network-store'

/** Wrong passphrases in a row from one address before it must wait, and for how long. */
export const JOIN_MAX_TRIES = 5
export const JOIN_LOCK_MS = 60_000
/** Addresses whose wrong tries are kept (the oldest are forgotten beyond it). */
const MAX_ADDRESSES = 1000

type TriesByAddress = Map<string, Omit<JoinTries, 'address'>>

export type JoinOutcome =
  | { readonly ok: true; readonly token: string; readonly computer: StoredComputer }
  | { readonly ok: false; readonly reason: 'wrong_passphrase'; readonly triesLeft: number }
  | { readonly ok: false; readonly reason: 'locked'; readonly retryAfterSeconds: number }

export type TokenCheck =
  | { readonly ok: true; readonly computer: StoredComputer }
  | { readonly ok: false; readonly reason: 'unknown' | 'removed' }

const hashToken = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest()

/**
 * Who may use the hub: a joining computer proves it knows the clinic passphrase once and gets a
 * random token of its own (stored here only as its SHA-256: the tokens are 256 random bits, so a
 * fast hash is enough); every replication request carries the token. Removing a computer keeps
 * its entry, marked, so its token is refused with a message rather than treated as unknown.
 */
export class HubAccess {
  constructor(
    private readonly hub: () => HubState,
    private readonly save: (next: HubState) => void,
    private readonly clock: Clock
  ) {}

  /**
   * Each try is counted (and written down) before the slow scrypt check, so tries made at the
   * same time cannot get past the limit, and a restart cannot forget them; a right passphrase
   * clears the address's count.
   */
  async join(passphrase: string, computerName: string, address: string): Promise<JoinOutcome> {
    const now = this.clock().getTime()
    const tries = this.currentTries(now)
    const record = tries.get(address) ?? { count: 0, lockedUntil: 0 }
    if (record.lockedUntil > now) {
      return {
        ok: false,
        reason: 'locked',
        retryAfterSeconds: Math.ceil((record.lockedUntil - now) / 1000)
      }
    }
    const count = record.count + 1
    const lockedUntil = count >= JOIN_MAX_TRIES ? now + JOIN_LOCK_MS : 0
    tries.set(address, { count, lockedUntil })
    this.saveTries(tries)
    if (!(await pinMatches(passphrase, this.hub().passphrase))) {
      if (lockedUntil !== 0) {
        return { ok: false, reason: 'locked', retryAfterSeconds: Math.ceil(JOIN_LOCK_MS / 1000) }
      }
      return { ok: false, reason: 'wrong_passphrase', triesLeft: JOIN_MAX_TRIES - count }
    }
    const token = randomBytes(32).toString('base64url')
    const computer: StoredComputer = {
      id: randomUUID(),
      name: computerName.trim().slice(0, 80),
      tokenHash: hashToken(token).toString('hex'),
      joinedAt: this.clock().toISOString(),
      lastSeenAt: null,
      removed: false
    }
    const hub = this.hub()
    const left = this.currentTries(now)
    left.delete(address)
    this.save({ ...hub, computers: [...hub.computers, computer], joinTries: triesList(left) })
    return { ok: true, token, computer }
  }

  /** Compares the token's hash with every stored one in constant time. */
  check(token: string): TokenCheck {
    const presented = hashToken(token)
    let found: StoredComputer | undefined
    for (const computer of this.hub().computers) {
      const stored = Buffer.from(computer.tokenHash, 'hex')
      if (stored.length === presented.length && timingSafeEqual(stored, presented)) found = computer
    }
    if (found === undefined) return { ok: false, reason: 'unknown' }
    if (found.removed) return { ok: false, reason: 'removed' }
    return { ok: true, computer: found }
  }

  /** Notes when a computer was last seen, at most once a minute per computer (a file write). */
  seen(computer: StoredComputer): void {
    const now = this.clock()
    if (computer.lastSeenAt !== null && now.getTime() - Date.parse(computer.lastSeenAt) < 60_000)
      return
    const hub = this.hub()
    this.save({
      ...hub,
      computers: hub.computers.map((c) =>
        c.id === computer.id ? { ...c, lastSeenAt: now.toISOString() } : c
      )
    })
  }

  remove(id: string): boolean {
    const hub = this.hub()
    if (!hub.computers.some((c) => c.id === id)) return false
    this.save({
      ...hub,
      computers: hub.computers.map((c) => (c.id === id ? { ...c, removed: true } : c))
    })
    return true
  }

  /**
   * The stored tries by address, oldest first, less the locks that have ended (the address then
   * starts again from no wrong try).
   */
  private currentTries(now: number): TriesByAddress {
    const live = (this.hub().joinTries ?? []).filter(
      (t) => t.lockedUntil === 0 || t.lockedUntil > now
    )
    return new Map(live.map((t) => [t.address, { count: t.count, lockedUntil: t.lockedUntil }]))
  }

  private saveTries(tries: TriesByAddress): void {
    this.save({ ...this.hub(), joinTries: triesList(tries) })
  }
}

/** The newest MAX_ADDRESSES addresses' tries, as stored. */
const triesList = (tries: TriesByAddress): JoinTries[] =>
  [...tries].slice(-MAX_ADDRESSES).map(([address, t]) => ({ address, ...t }))
