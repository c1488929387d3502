import { Bonjour } from 'bonjour-service'
import type { Browser, Service } from 'bonjour-service'
import type { DiscoveredHub } from '../../../shared/api/network'
import { isLocalNetworkAddress } from './address-ranges'

/** DNS-SD service type: `_pointbook._tcp`. */
export const SERVICE_TYPE = 'pointbook'
/** Bytes of the fingerprint announced (enough to tell hubs apart; the full one is compared). */
const FINGERPRINT_PREFIX_BYTES = 8

/** What a hub announces in its TXT record. */
export function announcementTxt(libraryName: string, fingerprint: string): Record<string, string> {
  return {
    v: '1',
    library: libraryName,
    fp: fingerprint.split(':').slice(0, FINGERPRINT_PREFIX_BYTES).join(':')
  }
}

interface FoundService {
  readonly port: number
  readonly addresses?: readonly string[]
  readonly txt?: unknown
}

/** A found service as a hub to offer, or null when it is not a Pointbook hub we can reach. */
export function parseAnnouncement(service: FoundService): DiscoveredHub | null {
  return parseHeard(service)?.hub ?? null
}

/** A hub as heard: what the join screen offers, and every clinic-network address it gave. */
export interface HeardHub {
  readonly hub: DiscoveredHub
  /** IPv4 first (what a person can read and type), then IPv6. */
  readonly addresses: readonly string[]
}

function parseHeard(service: FoundService): HeardHub | null {
  const txt = (service.txt ?? {}) as Record<string, unknown>
  const text = (value: unknown) =>
    typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : ''
  const libraryName = text(txt.library).trim()
  const fingerprintPrefix = text(txt.fp).toUpperCase()
  if (text(txt.v) !== '1' || libraryName === '') return null
  if (!/^([0-9A-F]{2}:){0,31}[0-9A-F]{2}$/.test(fingerprintPrefix)) return null
  const local = (service.addresses ?? []).filter(isLocalNetworkAddress)
  const addresses = [
    ...local.filter((a) => !a.includes(':')),
    ...local.filter((a) => a.includes(':'))
  ]
  const host = addresses[0]
  if (host === undefined || !Number.isInteger(service.port) || service.port < 1) return null
  return {
    hub: { libraryName: libraryName.slice(0, 80), host, port: service.port, fingerprintPrefix },
    addresses
  }
}

export interface Announcement {
  /** False when the local network refused multicast (the hub still works by address). */
  readonly announced: () => boolean
  stop(): Promise<void>
}

/** Announces the hub on the local network (mDNS / DNS-SD) until stopped. */
export function announceHub(
  name: string,
  port: number,
  txt: Record<string, string>,
  warn: (message: string) => void
): Announcement {
  let failed = false
  const onError = (error: unknown) => {
    if (!failed) warn(`The hub could not announce itself on the local network: ${String(error)}`)
    failed = true
  }
  const bonjour = new Bonjour({}, onError)
  const service: Service = bonjour.publish({ name, type: SERVICE_TYPE, port, txt, probe: false })
  service.on('error', onError)
  return {
    announced: () => !failed,
    stop: () =>
      new Promise<void>((done) => {
        bonjour.unpublishAll(() => bonjour.destroy(() => done()))
      })
  }
}

export interface HubBrowser {
  hubs(): DiscoveredHub[]
  /** Every hub heard so far, with all its addresses. */
  heard(): HeardHub[]
  /** Asks the local network again (hubs that answer and are new, or moved, reach `onFound`). */
  ask(): void
  stop(): void
}

/**
 * Looks for hubs on the local network; `hubs()` is what has answered so far, and `onFound` hears
 * each hub as it answers, and again when a hub it heard announces another port or address.
 */
export function browseHubs(
  warn: (message: string) => void,
  onFound: (hub: DiscoveredHub, heard: HeardHub) => void = () => undefined
): HubBrowser {
  const bonjour = new Bonjour({}, (error: unknown) =>
    warn(`Looking for hubs on the local network failed: ${String(error)}`)
  )
  const found = (service: FoundService) => {
    const heard = parseHeard(service)
    if (heard !== null) onFound(heard.hub, heard)
  }
  const browser: Browser = bonjour.find({ type: SERVICE_TYPE }, found)
  // Same service name, new port or address (the hub moved and its goodbye was not heard).
  browser.on('srv-update', found)
  browser.on('txt-update', found)
  const heard = () =>
    browser.services.map(parseHeard).filter((hub): hub is HeardHub => hub !== null)
  return {
    hubs: () => heard().map((h) => h.hub),
    heard,
    ask: () => browser.update(),
    stop: () => {
      browser.stop()
      bonjour.destroy()
    }
  }
}
