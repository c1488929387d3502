import type { SyncState, SyncStatus } from './sync-port'

type Replication = PouchDB.Replication.Replication<object>

const messageOf = (error: unknown): string =>
  error instanceof Error
    ? error.message
    : typeof error === 'object' && error !== null && 'message' in error
      ? String((error as { message: unknown }).message)
      : String(error)

/** The sync status the shell shows, kept from the live replication's events. */
export class SyncStatusBoard {
  private state: SyncState = 'off'
  private lastSyncedAt: string | null = null
  private message: string | undefined
  private pushPending = 0
  private readonly listeners = new Set<(status: SyncStatus) => void>()

  constructor(private readonly outboxWaiting: () => number) {}

  current(): SyncStatus {
    return {
      state: this.state,
      lastSyncedAt: this.lastSyncedAt,
      waiting: this.outboxWaiting() + this.pushPending,
      ...(this.message !== undefined ? { message: this.message } : {})
    }
  }

  listen(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Follows a live push and pull with a hub. */
  watch(push: Replication, pull: Replication): void {
    this.set('connecting')
    const paused = new Map<Replication, boolean>([
      [push, false],
      [pull, false]
    ])
    for (const replication of [push, pull]) {
      replication
        .on('active', () => {
          paused.set(replication, false)
          this.set('connected')
        })
        .on('paused', (error: unknown) => {
          if (error !== undefined && error !== null) {
            this.set('offline', `The clinic's hub cannot be reached: ${messageOf(error)}`)
            return
          }
          paused.set(replication, true)
          if ([...paused.values()].every(Boolean)) {
            this.pushPending = 0
            this.lastSyncedAt = new Date().toISOString()
          }
          this.set('connected')
        })
        .on('change', (info) => {
          // PouchDB reports how many changes it has yet to send (not in its declared types).
          const { pending } = info as { pending?: unknown }
          if (replication === push && typeof pending === 'number') this.pushPending = pending
          this.changed()
        })
        .on('denied', (error: unknown) => this.set('error', messageOf(error)))
        .on('error', (error: unknown) => this.set('error', messageOf(error)))
    }
  }

  off(): void {
    this.pushPending = 0
    this.set('off')
  }

  /** A drain or an apply failed: shown, and tried again at the next change. */
  failed(error: unknown): void {
    this.message = `Sharing with the clinic paused on this computer: ${messageOf(error)}`
    this.changed()
  }

  changed(): void {
    const status = this.current()
    for (const listener of this.listeners) listener(status)
  }

  private set(state: SyncState, message?: string): void {
    this.state = state
    this.message = message
    this.changed()
  }
}
