import { ApiError } from '../../../shared/api/errors'
import * as roleApi from '../../../shared/api/role'
import type { RoleStatus } from '../../../shared/api/role'
import type { Clock } from '../clock'
import type { WarningLogger } from '../logger'
import type { WriteGuard } from '../write-guard'
import { hashPin, pinMatches } from './pin-hash'
import { readRoleState, writeRoleState } from './role-store'
import type { RoleState } from './role-store'

export interface RoleServiceDeps {
  readonly dataDir: string
  readonly clock: Clock
  readonly guard: WriteGuard
  readonly warn: WarningLogger
}

/**
 * This computer's role and the practitioner PIN (docs/front-desk-role.md). What each role may
 * call is decided in one place, `channel-policy.ts`; this service only keeps the mode, checks the
 * PIN and counts wrong ones.
 */
export class RoleService {
  private state: RoleState

  constructor(private readonly deps: RoleServiceDeps) {
    this.state = readRoleState(deps.dataDir, deps.warn)
  }

  get frontDesk(): boolean {
    return this.state.mode === 'front-desk'
  }

  status(): RoleStatus {
    const current = this.withLockExpired(this.state)
    return {
      mode: current.mode,
      pinSet: current.pin !== null,
      lockedUntil: current.lockedUntil,
      triesLeft: Math.max(0, roleApi.PIN_MAX_TRIES - current.wrongTries)
    }
  }

  async setPin(pin: string): Promise<RoleStatus> {
    this.deps.guard.assertWritable()
    const hash = await hashPin(pin)
    this.save({ ...this.state, pin: hash, wrongTries: 0, lockedUntil: null })
    return this.status()
  }

  enterFrontDesk(): RoleStatus {
    if (this.frontDesk) return this.status()
    this.deps.guard.assertWritable()
    if (this.state.pin === null) {
      throw new ApiError(
        'conflict',
        'Set a practitioner PIN first: it is the only way back from front-desk mode.'
      )
    }
    this.save({ ...this.state, mode: 'front-desk' })
    return this.status()
  }

  /**
   * Each try is counted (and stored) before the slow check, so tries made at the same time cannot
   * get past the limit; a right PIN clears the count. The count and the lock survive a restart.
   */
  async leaveFrontDesk(pin: string): Promise<RoleStatus> {
    if (!this.frontDesk) return this.status()
    this.deps.guard.assertWritable()
    const current = this.withLockExpired(this.state)
    if (current.lockedUntil !== null) throw this.lockedError(current.lockedUntil)
    const stored = current.pin
    if (stored === null) throw new Error('Front-desk mode without a PIN (the store refuses it).')
    const wrongTries = current.wrongTries + 1
    const lockedUntil =
      wrongTries >= roleApi.PIN_MAX_TRIES
        ? new Date(this.deps.clock().getTime() + roleApi.PIN_LOCK_MS).toISOString()
        : null
    this.save({ ...current, wrongTries, lockedUntil })
    if (await pinMatches(pin, stored)) {
      this.save({ ...this.state, mode: 'practitioner', wrongTries: 0, lockedUntil: null })
      return this.status()
    }
    if (lockedUntil !== null) throw this.lockedError(lockedUntil)
    const left = roleApi.PIN_MAX_TRIES - wrongTries
    throw new ApiError(
      'forbidden',
      `That PIN is not right. ${left} ${left === 1 ? 'try' : 'tries'} left before a one-minute lock.`
    )
  }

  private lockedError(until: string): ApiError {
    const seconds = Math.max(1, Math.ceil((Date.parse(until) - this.deps.clock().getTime()) / 1000))
    return new ApiError(
      'forbidden',
      `Too many wrong PINs. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`
    )
  }

  /** A lock whose minute has passed is over, with a fresh count of tries. */
  private withLockExpired(state: RoleState): RoleState {
    if (state.lockedUntil === null) return state
    if (Date.parse(state.lockedUntil) > this.deps.clock().getTime()) return state
    return { ...state, wrongTries: 0, lockedUntil: null }
  }

  private save(next: RoleState): void {
    writeRoleState(this.deps.dataDir, next)
    this.state = next
  }
}
