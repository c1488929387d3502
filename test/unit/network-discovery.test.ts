import { describe, expect, it } from 'vitest'
import { isLocalNetworkAddress } from '../../src/main/core/network/address-ranges'
import {
  announceHub,
  announcementTxt,
  browseHubs,
  parseAnnouncement
} from '../../src/main/core/network/discovery'
import type { DiscoveredHub } from '../../src/shared/api/network'

const FINGERPRINT = Array.from({ length: 32 }, (_, i) =>
  i.toString(16).padStart(2, '0').toUpperCase()
).join(':')

describe('finding a hub on the local network (mDNS, _pointbook._tcp)', () => {
  it('announces the library name and the first 8 bytes of the fingerprint', () => {
    expect(announcementTxt('North Clinic', FINGERPRINT)).toEqual({
      v: '1',
      library: 'North Clinic',
      fp: '00:01:02:03:04:05:06:07'
    })
  })

  it('reads an announcement: a private IPv4 address first, nothing from outside the clinic', () => {
    const txt = announcementTxt('North Clinic', FINGERPRINT)
    expect(
      parseAnnouncement({ port: 45984, addresses: ['fe80::1', '8.8.8.8', '192.168.1.20'], txt })
    ).toEqual({
      libraryName: 'North Clinic',
      host: '192.168.1.20',
      port: 45984,
      fingerprintPrefix: '00:01:02:03:04:05:06:07'
    })
    // TXT values may arrive as buffers.
    const buffers = { v: Buffer.from('1'), library: Buffer.from('Sud'), fp: Buffer.from('ab:cd') }
    expect(parseAnnouncement({ port: 1, addresses: ['fd00::2'], txt: buffers })).toMatchObject({
      host: 'fd00::2',
      libraryName: 'Sud',
      fingerprintPrefix: 'AB:CD'
    })
    for (const bad of [
      { port: 45984, addresses: ['8.8.8.8'], txt },
      { port: 45984, addresses: ['10.0.0.2'], txt: { ...txt, v: '2' } },
      { port: 45984, addresses: ['10.0.0.2'], txt: { ...txt, library: ' ' } },
      { port: 45984, addresses: ['10.0.0.2'], txt: { ...txt, fp: 'not hex' } },
      { port: 0, addresses: ['10.0.0.2'], txt },
      { port: 45984, addresses: ['10.0.0.2'] }
    ]) {
      expect(parseAnnouncement(bad)).toBeNull()
    }
  })

  it('tells the clinic network from the internet', () => {
    for (const inside of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.0.9',
      '169.254.1.1',
      '::1',
      '::ffff:192.168.1.2',
      'fd12::1',
      'fe80::1%eth0'
    ]) {
      expect(isLocalNetworkAddress(inside), inside).toBe(true)
    }
    for (const outside of [
      '8.8.8.8',
      '172.32.0.1',
      '192.0.2.2',
      '100.64.0.1',
      '2001:db8::1',
      '::ffff:8.8.8.8',
      'not an ip',
      undefined
    ]) {
      expect(isLocalNetworkAddress(outside), String(outside)).toBe(false)
    }
  })

  it('a hub announced here is found by a browser (real multicast)', async () => {
    const warnings: string[] = []
    const libraryName = `Test clinic ${process.pid}`
    const announcement = announceHub(
      `Pointbook ${libraryName}`,
      45999,
      announcementTxt(libraryName, FINGERPRINT),
      (m) => warnings.push(m)
    )
    let browser: ReturnType<typeof browseHubs> | undefined
    try {
      const found = await new Promise<DiscoveredHub>((resolve, reject) => {
        browser = browseHubs(
          (message) => reject(new Error(`Multicast is not available here: ${message}`)),
          (hub) => {
            if (hub.libraryName === libraryName) resolve(hub)
          }
        )
      })
      expect(found).toMatchObject({ port: 45999, fingerprintPrefix: '00:01:02:03:04:05:06:07' })
      expect(isLocalNetworkAddress(found.host)).toBe(true)
      expect(browser?.hubs().some((hub) => hub.libraryName === libraryName)).toBe(true)
      expect(announcement.announced()).toBe(true)
      expect(warnings).toEqual([])
    } finally {
      browser?.stop()
      await announcement.stop()
    }
  })
})
