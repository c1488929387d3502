import { randomUUID } from 'node:crypto'
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { hostname, uptime } from 'node:os'
import { join } from 'node:path'

/**
 * One writer per library. Electron's single-instance lock is per user-data folder, so a second
 * copy started with another `--data-dir`, another user account or a second Electron build could
 * open the same file; this lock lives in the data folder itself. Held for the life of the open
 * library; a lock left by a crash is recognised as stale (its process is gone, or the computer
 * has restarted since) and taken over.
 */
export const LOCK_FILE = 'pointbook.lock'

interface LockOwner {
  readonly pid: number
  readonly host: string
  /** When the owner's computer last started (ms since 1970), to spot a reused process id. */
  readonly bootedAt: number
  readonly since: string
  /** Tells this opening from another by the same process (tests open a library many times). */
  readonly token: string
}

export type LockResult =
  { readonly held: true; release(): void } | { readonly held: false; readonly reason: string }

/** Two boot times this close are the same boot (uptime is read at slightly different moments). */
const SAME_BOOT_MS = 120_000

export function acquireLibraryLock(dataDir: string, now: Date): LockResult {
  const path = join(dataDir, LOCK_FILE)
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    bootedAt: now.getTime() - uptime() * 1000,
    since: now.toISOString(),
    token: randomUUID()
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      try {
        writeSync(fd, `${JSON.stringify(me)}\n`)
      } finally {
        closeSync(fd)
      }
      return { held: true, release: () => releaseIfMine(path, me) }
    } catch (error) {
      const code = (error as { code?: string }).code
      if (code !== 'EEXIST') {
        // The folder cannot be written (it then opens read-only anyway): no lock to hold.
        return { held: true, release: () => undefined }
      }
    }
    const owner = readOwner(path)
    if (owner !== null && isAlive(owner, me)) {
      return { held: false, reason: describeOwner(owner, me) }
    }
    rmSync(path, { force: true })
  }
  return { held: false, reason: 'Another copy of Pointbook is opening this library right now.' }
}

function releaseIfMine(path: string, me: LockOwner): void {
  const owner = readOwner(path)
  if (owner !== null && owner.token === me.token) {
    rmSync(path, { force: true })
  }
}

function readOwner(path: string): LockOwner | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>
    if (
      typeof parsed.pid !== 'number' ||
      typeof parsed.host !== 'string' ||
      typeof parsed.bootedAt !== 'number' ||
      typeof parsed.since !== 'string' ||
      typeof parsed.token !== 'string'
    ) {
      return null
    }
    return parsed as LockOwner
  } catch {
    // Unreadable or half-written (a crash while taking it): treated as stale.
    return null
  }
}

/**
 * Whether the lock's owner still runs. On another computer it cannot be checked, so it counts as
 * running (the data folder should not be shared at all; see network-folder.ts).
 */
function isAlive(owner: LockOwner, me: LockOwner): boolean {
  if (owner.host !== me.host) return true
  if (Math.abs(owner.bootedAt - me.bootedAt) > SAME_BOOT_MS) return false
  try {
    process.kill(owner.pid, 0)
    return true
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM'
  }
}

function describeOwner(owner: LockOwner, me: LockOwner): string {
  const where = owner.host === me.host ? 'on this computer' : `on the computer "${owner.host}"`
  return (
    `Another copy of Pointbook (process ${owner.pid} ${where}, open since ${owner.since}) ` +
    'is using this library, so this window opened it read-only. Close the other copy, then ' +
    'restart Pointbook to make changes.'
  )
}
