import type { NetworkStatus } from '../../../../shared/api/network'

/** Where the clinic network screen lives (Settings → Clinic network). */
export const CLINIC_NETWORK_PATH = '/settings/clinic-network'

/** Sent by the clinic network screen after a change, so the top bar asks again at once. */
export const NETWORK_CHANGED_EVENT = 'pointbook:network-changed'
export const announceNetworkChanged = (): void => {
  window.dispatchEvent(new Event(NETWORK_CHANGED_EVENT))
}

/**
 * Sent when this computer has received changes from the clinic network (its last sync moved on),
 * so a screen that shows shared content can load it again (the front desk: a newly approved
 * handout). `useLibrarySynced` listens for it.
 */
export const LIBRARY_SYNCED_EVENT = 'pointbook:library-synced'

/** "just now", "4 min ago", "2 h ago", or the date. */
export function sinceText(iso: string, now: Date): string {
  const minutes = Math.floor((now.getTime() - Date.parse(iso)) / 60_000)
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${minutes} min ago`
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ago`
  return new Date(iso).toLocaleDateString()
}

export interface StatusLine {
  /** A word or two for the top bar. */
  readonly label: string
  /** The sentence behind it (tooltip and screen readers). */
  readonly detail: string
  readonly tone: 'ok' | 'quiet' | 'warning'
}

/** What the top bar says, or null when this computer is not on a clinic network. */
export function statusLine(status: NetworkStatus, now: Date): StatusLine | null {
  if (status.mode === 'off') return null
  if (status.mode === 'hub') {
    const running = status.hub?.running === true
    const count = status.hub?.computers.filter((c) => !c.removed).length ?? 0
    return {
      label: running ? 'Sharing' : 'Hub stopped',
      detail: running
        ? `This computer shares the library with ${count} ${count === 1 ? 'computer' : 'computers'}.`
        : (status.problem ?? 'The hub is not running.'),
      tone: running ? 'ok' : 'warning'
    }
  }
  const { state, lastSyncedAt, waiting } = status.sync
  const synced = lastSyncedAt ? `Last synced ${sinceText(lastSyncedAt, now)}.` : 'Not synced yet.'
  const waits =
    waiting > 0 ? ` ${waiting} ${waiting === 1 ? 'change' : 'changes'} waiting to be sent.` : ''
  // The hub moved and this computer followed it: said while connected, until it leaves.
  const moved = status.notice === null ? '' : `${status.notice} `
  if (status.problem !== null) {
    return {
      label: waiting > 0 ? `Offline · ${waiting} waiting` : 'Offline',
      detail: `${status.problem} ${synced}`,
      tone: 'warning'
    }
  }
  if (state === 'connected') {
    return {
      label: waiting > 0 ? `Syncing · ${waiting} waiting` : 'Connected',
      detail: `Connected to the clinic library. ${moved}${synced}${waits}`,
      tone: 'ok'
    }
  }
  if (state === 'connecting' || state === 'off') {
    return {
      label: 'Connecting',
      detail: `Connecting to the clinic library. ${synced}${waits}`,
      tone: 'quiet'
    }
  }
  return {
    label: waiting > 0 ? `Offline · ${waiting} waiting` : 'Offline',
    detail: `The clinic library is not reachable; keep working, this computer catches up later. ${synced}${waits}`,
    tone: 'warning'
  }
}
