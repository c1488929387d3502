import { describe, expect, it } from 'vitest'
import { NETWORK_MESSAGES } from '../../src/main/core/network/messages'
import { statusLine } from '../../src/renderer/src/features/clinic-network/status-text'
import type { NetworkStatus } from '../../src/shared/api/network'

const NOW = new Date('2026-03-02T09:10:00.000Z')
const moved = NETWORK_MESSAGES.followed('192.168.1.20:45990')

/** A room joined to a hub, connected, synced a minute ago. */
const room = (changes: Partial<NetworkStatus>): NetworkStatus => ({
  mode: 'client',
  libraryName: 'North Clinic',
  sync: { state: 'connected', lastSyncedAt: '2026-03-02T09:09:00.000Z', waiting: 0 },
  problem: null,
  notice: null,
  hub: null,
  client: { address: '192.168.1.20:45990', fingerprint: null, computerName: 'Room 1' },
  ...changes
})

describe('the top bar’s words when the hub moved and this computer followed it', () => {
  it('says so while connected, and not over a problem', () => {
    expect(statusLine(room({ notice: moved }), NOW)).toEqual({
      label: 'Connected',
      detail: `Connected to the clinic library. ${moved} Last synced 1 min ago.`,
      tone: 'ok'
    })
    expect(statusLine(room({}), NOW)?.detail).toBe(
      'Connected to the clinic library. Last synced 1 min ago.'
    )
    const offline = statusLine(room({ notice: moved, problem: NETWORK_MESSAGES.unreachable }), NOW)
    expect(offline).toMatchObject({ label: 'Offline', tone: 'warning' })
    expect(offline?.detail).not.toContain(moved)
  })
})
