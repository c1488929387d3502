import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync
} from 'node:fs'
import { join } from 'node:path'
import type { RoleMode } from '../../../shared/api/role'
import { isPinHash } from './pin-hash'
import type { PinHash } from './pin-hash'

/**
 * This computer's role, kept in a file beside the database (like the backup settings): it
 * belongs to the computer, not to the library, so it is in no backup or export, and a restore or
 * an import never brings back an old PIN or mode.
 */
export const ROLE_FILE = 'role.json'

export interface RoleState {
  readonly mode: RoleMode
  readonly pin: PinHash | null
  /** Wrong PINs since the last right one (or the last lock running out). */
  readonly wrongTries: number
  /** ISO time until which leaving front-desk mode is refused; null when not locked. */
  readonly lockedUntil: string | null
}

export const DEFAULT_ROLE: RoleState = {
  mode: 'practitioner',
  pin: null,
  wrongTries: 0,
  lockedUntil: null
}

/**
 * The stored role. A missing file is a new computer (practitioner, no PIN). A damaged one is
 * reported through `warn` and read field by field: front-desk mode needs a valid PIN to be kept
 * (without one there would be no way back).
 */
export function readRoleState(dataDir: string, warn: (message: string) => void): RoleState {
  const path = join(dataDir, ROLE_FILE)
  if (!existsSync(path)) return DEFAULT_ROLE
  let parsed: Record<string, unknown>
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as unknown
    if (typeof value !== 'object' || value === null) throw new Error('not an object')
    parsed = value as Record<string, unknown>
  } catch (error) {
    warn(
      `The front-desk setting (${ROLE_FILE}) could not be read, so this computer starts in practitioner mode: ${String(error)}`
    )
    return DEFAULT_ROLE
  }
  const pin = isPinHash(parsed.pin) ? parsed.pin : null
  const mode: RoleMode =
    parsed.mode === 'front-desk' && pin !== null ? 'front-desk' : 'practitioner'
  const tries = parsed.wrongTries
  const until = parsed.lockedUntil
  return {
    mode,
    pin,
    wrongTries: typeof tries === 'number' && Number.isInteger(tries) && tries > 0 ? tries : 0,
    lockedUntil: typeof until === 'string' && !Number.isNaN(Date.parse(until)) ? until : null
  }
}

/** Written under a temporary name, flushed and renamed: a crash leaves the old file or the new. */
export function writeRoleState(dataDir: string, state: RoleState): void {
  const path = join(dataDir, ROLE_FILE)
  const partial = `${path}.partial`
  const fd = openSync(partial, 'w')
  try {
    writeSync(fd, `${JSON.stringify(state)}\n`)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(partial, path)
}
