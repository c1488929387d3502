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

/** A found service as a hub to offer, or null when it is not a Pointbook hub we can reach. */
export function parseAnnouncement(service: {
  readonly port: number
  readonly addresses?: readonly string[]
  readonly txt?: unknown
}): DiscoveredHub | null {
  const txt = (service.txt ?? {}) as Record<string, unknown>
  const text = (value: unknown) =>
    typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : ''
  const libraryName = text(txt.library).trim()
  const fingerprintPrefix = text(txt.fp).toUpperCase()
  if (text(txt.v) !== '1' || libraryName === '') return null
  if (!/^([0-9A-F]{2}:){0,31}[0-9A-F]{2}$/.test(fingerprintPrefix)) return null
  const addresses = (service.addresses ?? []).filter(isLocalNetworkAddress)
  // An IPv4 address is what a person can read and type; IPv6 only when there is no other.
  const host = addresses.find((a) => !a.includes(':')) ?? addresses[0]
  if (host === undefined || !Number.isInteger(service.port) || service.port < 1) return null
  return { libraryName: libraryName.slice(0, 80), host, port: service.port, fingerprintPrefix }
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
  stop(): void
}

/**
 * Looks for hubs on the local network; `hubs()` is what has answered so far, and `onFound` hears
 * each hub as it answers.
 */
export function browseHubs(
  warn: (message: string) => void,
  onFound: (hub: DiscoveredHub) => void = () => undefined
): HubBrowser {
  const bonjour = new Bonjour({}, (error: unknown) =>
    warn(`Looking for hubs on the local network failed: ${String(error)}`)
  )
  const browser: Browser = bonjour.find({ type: SERVICE_TYPE }, (service) => {
    const hub = parseAnnouncement(service)
    if (hub !== null) onFound(hub)
  })
  return {
    hubs: () =>
      browser.services.map(parseAnnouncement).filter((hub): hub is DiscoveredHub => hub !== null),
    stop: () => {
      browser.stop()
      bonjour.destroy()
    }
  }
}
