import { afterEach } from 'vitest'
import { openLibrary } from '../../src/main/core'
import type { Library } from '../../src/main/core'
import type { Clock } from '../../src/main/core/clock'
import { libraryInternals } from '../../src/main/core/library'
import { call, tempDir } from './helpers'

/**
 * Computers of a clinic in one test (each its own data folder and the real core, a hub only on
 * 127.0.0.1): for the db tests of the clinic network. A test file calls `closeComputersAfterEach`
 * (a hook here at the top would be registered by the first file only: the files of the db project
 * share their modules).
 */
export const PASSPHRASE = 'north clinic 2026'
const open: Library[] = []

export function closeComputersAfterEach(): void {
  afterEach(async () => {
    for (const library of open.splice(0).reverse()) await shut(library)
  })
}

/** The network first (its server, its fetches), then the replica, then the database. */
async function shut(library: Library): Promise<void> {
  const { services } = libraryInternals(library)
  await services.network.close()
  await services.sync.sync.close()
  library.close()
}

/** Closes a computer now (the app quits), rather than when the test ends. */
export async function shutNow(library: Library): Promise<void> {
  open.splice(open.indexOf(library), 1)
  await shut(library)
}

export interface ComputerOptions {
  readonly dataDir?: string
  readonly clock?: Clock
  /** Its hub announces itself on the local network (real mDNS); off unless a test needs it. */
  readonly announce?: boolean
  readonly warn?: (message: string) => void
}

export function computer(options: ComputerOptions = {}): Library {
  const library = openLibrary({
    dataDir: options.dataDir ?? tempDir('pointbook-computer-'),
    resourcesDir: tempDir('pointbook-resources-'),
    warn: options.warn ?? (() => undefined),
    platform: {
      network: { listenHost: '127.0.0.1', announce: options.announce ?? false },
      clock: options.clock
    }
  })
  open.push(library)
  return library
}

export async function share(hub: Library, port: number, libraryName = 'North Clinic') {
  return call(hub, 'network:share', { libraryName, passphrase: PASSPHRASE, port })
}

export async function join(
  room: Library,
  port: number,
  computerName: string,
  passphrase = PASSPHRASE
) {
  const checked = await call(room, 'network:checkHub', { host: '127.0.0.1', port })
  return call(room, 'network:join', {
    host: '127.0.0.1',
    port,
    fingerprint: checked.fingerprint,
    passphrase,
    computerName
  })
}

/**
 * Resolves once `check` holds on this computer: asked again after each change its replica
 * receives and each status change of its replication or its network (events, never a timer).
 */
export async function until(library: Library, check: () => Promise<boolean>): Promise<void> {
  const { services } = libraryInternals(library)
  const { sync } = services.sync
  const replica = sync.replica
  if (replica === null) throw new Error('This computer has no replica.')
  // Counted, so that an event while `check` runs is not missed.
  let events = 0
  let woken: () => void = () => undefined
  const wake = () => {
    events++
    woken()
  }
  const feed = replica.changes({ since: 'now', live: true }).on('change', wake)
  const stops = [sync.onStatus(wake), services.network.onChange(wake)]
  try {
    for (;;) {
      const seen = events
      await sync.settled()
      if (await check()) return
      if (events === seen) await new Promise<void>((resolve) => (woken = resolve))
    }
  } finally {
    feed.cancel()
    for (const stop of stops) stop()
  }
}

export const titles = async (library: Library): Promise<string[]> =>
  (await call(library, 'articles:list', {})).map((a) => a.title)
