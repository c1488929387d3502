import { join } from 'node:path'
import { isoNow } from '../clock'
import type { Clock } from '../clock'
import { backupsDir } from '../db/backups'
import { readClinicContent } from '../db/clinic-content'
import type { WarningLogger } from '../logger'
import type { WriteGuard } from '../write-guard'
import { checkedChanges } from './replica-check'
import { readItemChanges, rememberLeaves, writeShared } from './replica-docs'
import type { SharedKind } from './shared-kind'
import { SyncStatusBoard } from './sync-status'
import type { SyncStore } from './sync-store'
import { REPLICA_DB, replicaPouch } from './sync-port'
import type { JoinPreparation, SyncPort, SyncStatus } from './sync-port'

export interface SyncServiceDeps {
  readonly dataDir: string
  readonly store: SyncStore
  readonly kinds: readonly SharedKind[]
  readonly clock: Clock
  readonly guard: WriteGuard
  /** Where a refused replicated document is reported (with why). */
  readonly warn: WarningLogger
  /** Makes a backup now and returns its file name (throws when it cannot). */
  readonly backUp: () => string
}

/** How often the outbox is looked at: a save is in the replica within this (and a drain). */
const DRAIN_EVERY_MS = 200
const BATCH = 100

/**
 * The clinic network inside the library (docs/clinic-network.md): drains the outbox into the
 * local replica, applies the replica's changes to SQLite (through each kind's mapping), keeps
 * conflicts, and runs live replication with a hub when the network module connects one.
 * Everything here is asynchronous and after the save: nothing a screen does waits on it.
 */
export class SyncService implements SyncPort {
  /** Null until the library takes part in a clinic network (`start`). */
  private replicaDb: PouchDB.Database | null = null
  private readonly board: SyncStatusBoard
  private timer: ReturnType<typeof setInterval> | null = null
  private feed: PouchDB.Core.Changes<object> | null = null
  private live: {
    push: PouchDB.Replication.Replication<object>
    pull: PouchDB.Replication.Replication<object>
    /** Settles when both have ended, watched from their start (see connect). */
    ended: Promise<unknown>
  } | null = null
  /** Drains and applies run one at a time, in order (see `serialised`). */
  private queue: Promise<void> = Promise.resolve()
  private drainQueued = false
  private pumpQueued = false
  private closing: Promise<void> | null = null

  constructor(private readonly deps: SyncServiceDeps) {
    this.board = new SyncStatusBoard(() => (this.closing !== null ? 0 : deps.store.waiting()))
    // A library that shares or joined once keeps its replica in step from every start.
    if (deps.store.started() && !deps.guard.readOnly) this.start()
  }

  get replica(): PouchDB.Database | null {
    return this.replicaDb
  }

  start(): PouchDB.Database {
    if (this.replicaDb !== null) return this.replicaDb
    if (this.deps.guard.readOnly || this.closing !== null) {
      throw new Error(
        'This library is open read-only here, so it cannot share on the clinic network.'
      )
    }
    // A restart of a library that shares writes nothing here: a large library opens before its
    // full integrity check, query-only until the first write runs it (docs/data-safety.md).
    if (!this.deps.store.started()) {
      this.deps.guard.assertWritable()
      this.deps.store.markStarted()
    }
    const Pouch = replicaPouch(this.deps.dataDir)
    const replica = new Pouch(REPLICA_DB)
    this.replicaDb = replica
    this.feed = replica
      .changes({ since: 'now', live: true })
      .on('change', () => this.schedulePump())
      .on('error', (error: unknown) => this.board.failed(error))
    this.timer = setInterval(() => {
      if (this.deps.store.waiting() > 0) this.scheduleDrain()
    }, DRAIN_EVERY_MS)
    this.timer.unref()
    // What was saved before (or what a crash left): saves not yet in the replica, replica
    // changes not yet in SQLite.
    this.scheduleDrain()
    this.schedulePump()
    return replica
  }

  status(): SyncStatus {
    return this.board.current()
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    return this.board.listen(listener)
  }

  connect(remote: PouchDB.Database, options: { pullSince?: string | number } = {}): void {
    const replica = this.start()
    if (this.live !== null) throw new Error('This computer is already connected to a hub.')
    const retrying = { live: true, retry: true, back_off_function: backOff }
    const push = replica.replicate.to(remote, retrying)
    const pull = replica.replicate.from(remote, {
      ...retrying,
      ...(options.pullSince !== undefined ? { since: options.pullSince } : {})
    })
    // Watched from the start: a replication that ends on a fatal error (PouchDB stops retrying on
    // some refusals) drops its listeners, so waiting for its end only at disconnect would hang.
    const ended = Promise.all([endOf(push), endOf(pull)])
    this.live = { push, pull, ended }
    this.board.watch(push, pull)
  }

  async disconnect(): Promise<void> {
    const live = this.live
    if (live === null) return
    this.live = null
    live.push.cancel()
    live.pull.cancel()
    await live.ended
    this.board.off()
  }

  prepareJoin(): JoinPreparation {
    const content = readClinicContent(this.deps.store.db)
    const backupPath = join(backupsDir(this.deps.dataDir), this.deps.backUp())
    return {
      backupPath,
      localItems: {
        articles: content.clinicArticles,
        notes: content.notes,
        handouts: content.editedHandouts
      }
    }
  }

  /** Writes an item's search entry again (see SharedKind.refreshSearch). */
  refreshSearch(kind: string, itemId: string): void {
    this.kind(kind)?.refreshSearch?.(itemId)
  }

  /** Resolves when every local save is in the replica and every replica change is in SQLite. */
  async settled(): Promise<void> {
    for (;;) {
      await this.serialised(() => this.drain())
      await this.serialised(() => this.pump())
      if (this.replica === null) return
      const info = await this.replica.info()
      if (this.deps.store.waiting() === 0 && sameSeq(info.update_seq, this.deps.store.appliedSeq()))
        return
    }
  }

  /** Stops everything and closes the replica (the library closes its database after). */
  close(): Promise<void> {
    if (this.closing === null) {
      if (this.timer !== null) clearInterval(this.timer)
      this.feed?.cancel()
      const disconnected = this.disconnect()
      this.closing = (async () => {
        await disconnected
        await this.queue
        await this.replicaDb?.close()
      })()
    }
    return this.closing
  }

  private scheduleDrain(): void {
    if (this.drainQueued || this.closing !== null) return
    this.drainQueued = true
    void this.serialised(async () => {
      this.drainQueued = false
      await this.drain()
    })
  }

  private schedulePump(): void {
    if (this.pumpQueued || this.closing !== null) return
    this.pumpQueued = true
    void this.serialised(async () => {
      this.pumpQueued = false
      await this.pump()
    })
  }

  /** Runs `work` after everything queued before it; a failure is shown, never thrown at a save. */
  private serialised(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(async () => {
      if (this.closing !== null) return
      try {
        await work()
      } catch (error) {
        this.board.failed(error)
      }
    })
    this.queue = next
    return next
  }

  /** Local saves into the replica, oldest first; each item's row goes once its docs are in. */
  private async drain(): Promise<void> {
    const replica = this.replica
    if (replica === null || this.closing !== null) return
    for (;;) {
      const items = this.deps.store.pendingItems(BATCH)
      if (items.length === 0) break
      // Runs the deferred integrity check before this start's first write (see start).
      this.deps.guard.assertWritable()
      for (const item of items) {
        await this.drainItem(replica, item.kind, item.itemId)
        this.deps.store.sent(item)
      }
    }
    this.board.changed()
  }

  private async drainItem(replica: PouchDB.Database, kind: string, itemId: string): Promise<void> {
    const mapping = this.kind(kind)
    if (mapping === null) return
    const docs = this.deps.store.db.transaction(() => mapping.localDocs(itemId))()
    await writeShared(replica, this.deps.store, docs)
  }

  /** Replica changes into SQLite, from where this computer last stopped. */
  private async pump(): Promise<void> {
    const replica = this.replica
    if (replica === null || this.closing !== null || this.deps.guard.readOnly) return
    for (;;) {
      const since = this.deps.store.appliedSeq()
      const batch = await replica.changes({ since, limit: BATCH })
      if (batch.results.length === 0) return
      // Runs the deferred integrity check before this start's first write (see start).
      this.deps.guard.assertWritable()
      const items = new Map<string, { mapping: SharedKind; itemId: string }>()
      for (const change of batch.results) {
        for (const mapping of this.deps.kinds) {
          const itemId = mapping.itemOf(change.id)
          if (itemId !== null) items.set(`${mapping.kind}\n${itemId}`, { mapping, itemId })
        }
      }
      for (const { mapping, itemId } of items.values())
        await this.applyItem(replica, mapping, itemId)
      const now = isoNow(this.deps.clock)
      this.deps.store.applying(() => {
        for (const mapping of this.deps.kinds) mapping.afterBatch?.(now)
        this.deps.store.setAppliedSeq(batch.last_seq)
      })
    }
  }

  private async applyItem(
    replica: PouchDB.Database,
    mapping: SharedKind,
    itemId: string
  ): Promise<void> {
    const { store } = this.deps
    for (;;) {
      const changes = await readItemChanges(
        replica,
        store,
        mapping.mainId(itemId),
        mapping.revisionPrefix(itemId)
      )
      // A local save made while this was read goes to the replica first (as a branch of what
      // SQLite knew), so applying the replica can never overwrite it: it becomes a conflict.
      if (store.hasPending(mapping.kind, itemId)) {
        await this.drainItem(replica, mapping.kind, itemId)
        store.sentItem(mapping.kind, itemId)
        continue
      }
      if (changes === null) return
      this.deps.guard.assertWritable()
      const refused: string[] = []
      const checked = checkedChanges(mapping, itemId, changes, (doc, reason) => {
        this.deps.warn(`Clinic network: refused ${doc._id} (revision ${doc._rev}): ${reason}.`)
        refused.push(doc._id)
      })
      store.applying(() => {
        mapping.apply(itemId, checked, isoNow(this.deps.clock))
        // A refused revision document is not read again; a refused main document is the
        // parent of this computer's next save of the item, which so replaces it.
        for (const doc of changes.revisions) {
          if (refused.includes(doc._id)) store.setKnownRev(doc._id, doc._rev)
        }
        if (changes.winner !== null) {
          store.setKnownRev(changes.winner._id, changes.winner._rev)
          rememberLeaves(store, changes.winner._id, changes.leaves)
        }
      })
      return
    }
  }

  private kind(kind: string): SharedKind | null {
    return this.deps.kinds.find((mapping) => mapping.kind === kind) ?? null
  }
}

const sameSeq = (a: string | number, b: string | number): boolean => String(a) === String(b)

/**
 * The wait before PouchDB tries the hub again: doubling from 1 s as PouchDB's own does, but at
 * most 30 s (PouchDB's goes up to 10 minutes), so a room catches up soon after the hub is back.
 */
export const MAX_RETRY_WAIT_MS = 30_000
export const backOff = (previousMs: number): number =>
  previousMs <= 0 ? 1_000 : Math.min(previousMs * 2, MAX_RETRY_WAIT_MS)

const endOf = (replication: PouchDB.Replication.Replication<object>): Promise<void> =>
  new Promise((resolve) => {
    replication.on('complete', () => resolve())
    replication.on('error', () => resolve())
  })
