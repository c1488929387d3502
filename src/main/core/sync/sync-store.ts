import { randomBytes } from 'node:crypto'
import type { Db } from '../db/sqlite'
import { StatementCache } from '../db/statements'

/** One item waiting in the outbox (its newest row; older rows of the same item go with it). */
export interface OutboxItem {
  readonly kind: string
  readonly itemId: string
  readonly seq: number
}

export interface ConflictRow {
  readonly kind: string
  readonly itemId: string
  readonly docKey: string
  readonly foundAt: string
  readonly seenAt: string | null
}

/** The only SQL of the sync module's own tables (migration 007). */
export class SyncStore {
  private readonly statements: StatementCache

  constructor(readonly db: Db) {
    this.statements = new StatementCache(db)
  }

  /** Runs `work` in one transaction with the outbox triggers quiet (a change from elsewhere). */
  applying<T>(work: () => T): T {
    return this.db.transaction(() => {
      this.statements.sql('INSERT INTO sync_applying (held) VALUES (1)').run()
      try {
        return work()
      } finally {
        this.statements.sql('DELETE FROM sync_applying').run()
      }
    })()
  }

  pendingItems(limit: number): OutboxItem[] {
    return this.statements
      .sql(
        `SELECT kind, item_id AS itemId, max(seq) AS seq FROM sync_outbox
         GROUP BY kind, item_id ORDER BY max(seq) LIMIT ?`
      )
      .all(limit) as OutboxItem[]
  }

  waiting(): number {
    const row = this.statements
      .sql('SELECT count(*) AS n FROM (SELECT 1 FROM sync_outbox GROUP BY kind, item_id)')
      .get() as { n: number }
    return row.n
  }

  /** The item's rows up to `seq` are in the replica (a save after them keeps its own row). */
  sent(item: OutboxItem): void {
    this.statements
      .sql('DELETE FROM sync_outbox WHERE kind = ? AND item_id = ? AND seq <= ?')
      .run(item.kind, item.itemId, item.seq)
  }

  hasPending(kind: string, itemId: string): boolean {
    return (
      this.statements
        .sql('SELECT 1 FROM sync_outbox WHERE kind = ? AND item_id = ? LIMIT 1')
        .get(kind, itemId) !== undefined
    )
  }

  /** Every outbox row of the item is in the replica (it was drained with no await since). */
  sentItem(kind: string, itemId: string): void {
    this.statements.sql('DELETE FROM sync_outbox WHERE kind = ? AND item_id = ?').run(kind, itemId)
  }

  enqueue(kind: string, itemId: string): void {
    this.statements.sql('INSERT INTO sync_outbox (kind, item_id) VALUES (?, ?)').run(kind, itemId)
  }

  revisionKeyIfAny(kind: string, itemId: string, localRev: number): string | null {
    const found = this.statements
      .sql('SELECT doc_key FROM sync_revisions WHERE kind = ? AND item_id = ? AND local_rev = ?')
      .pluck()
      .get(kind, itemId, localRev) as string | undefined
    return found ?? null
  }

  /** The replica key of a local revision, given one the first time it is asked for. */
  revisionKey(kind: string, itemId: string, localRev: number, shippedKey: string | null): string {
    const found = this.revisionKeyIfAny(kind, itemId, localRev)
    if (found !== null) return found
    const key = shippedKey ?? randomBytes(10).toString('hex')
    this.mapRevision(kind, itemId, localRev, key)
    return key
  }

  localRevision(kind: string, itemId: string, key: string): number | null {
    const found = this.statements
      .sql('SELECT local_rev FROM sync_revisions WHERE kind = ? AND item_id = ? AND doc_key = ?')
      .pluck()
      .get(kind, itemId, key) as number | undefined
    return found ?? null
  }

  mapRevision(kind: string, itemId: string, localRev: number, key: string): void {
    this.statements
      .sql(
        `INSERT INTO sync_revisions (kind, item_id, local_rev, doc_key) VALUES (?, ?, ?, ?)
         ON CONFLICT DO NOTHING`
      )
      .run(kind, itemId, localRev, key)
  }

  knownRev(docId: string): string | null {
    const found = this.statements
      .sql('SELECT rev FROM sync_docs WHERE doc_id = ?')
      .pluck()
      .get(docId) as string | undefined
    return found ?? null
  }

  setKnownRev(docId: string, rev: string): void {
    this.statements
      .sql(
        `INSERT INTO sync_docs (doc_id, rev) VALUES (?, ?)
         ON CONFLICT (doc_id) DO UPDATE SET rev = excluded.rev`
      )
      .run(docId, rev)
  }

  /** The library shares on (or joined) a clinic network once: its replica is kept in step. */
  started(): boolean {
    return this.statements.sql("SELECT 1 FROM sync_state WHERE key = 'started'").get() !== undefined
  }

  markStarted(): void {
    this.statements
      .sql("INSERT INTO sync_state (key, value) VALUES ('started', '1') ON CONFLICT DO NOTHING")
      .run()
  }

  appliedSeq(): string | number {
    const found = this.statements
      .sql("SELECT value FROM sync_state WHERE key = 'applied_seq'")
      .pluck()
      .get() as string | undefined
    return found === undefined ? 0 : (JSON.parse(found) as string | number)
  }

  setAppliedSeq(seq: string | number): void {
    this.putState('applied_seq', JSON.stringify(seq))
  }

  /** Keeps a version that lost to another computer's; true when it was not known yet. */
  addConflict(kind: string, itemId: string, key: string, now: string): boolean {
    return (
      this.statements
        .sql(
          `INSERT INTO sync_conflicts (kind, item_id, doc_key, found_at) VALUES (?, ?, ?, ?)
           ON CONFLICT DO NOTHING`
        )
        .run(kind, itemId, key, now).changes === 1
    )
  }

  /** A version flagged as the other one that is now shown. */
  dropConflict(kind: string, itemId: string, key: string): void {
    this.statements
      .sql('DELETE FROM sync_conflicts WHERE kind = ? AND item_id = ? AND doc_key = ?')
      .run(kind, itemId, key)
  }

  conflicts(kind: string, itemId: string): ConflictRow[] {
    return this.statements
      .sql(
        `SELECT kind, item_id AS itemId, doc_key AS docKey, found_at AS foundAt,
           seen_at AS seenAt FROM sync_conflicts WHERE kind = ? AND item_id = ? ORDER BY found_at`
      )
      .all(kind, itemId) as ConflictRow[]
  }

  unseenConflicts(): ConflictRow[] {
    return this.statements
      .sql(
        `SELECT kind, item_id AS itemId, doc_key AS docKey, found_at AS foundAt,
           seen_at AS seenAt FROM sync_conflicts WHERE seen_at IS NULL ORDER BY found_at`
      )
      .all() as ConflictRow[]
  }

  markSeen(kind: string, itemId: string, now: string): number {
    return this.statements
      .sql(
        `UPDATE sync_conflicts SET seen_at = ? WHERE kind = ? AND item_id = ? AND seen_at IS NULL`
      )
      .run(now, kind, itemId).changes
  }

  /**
   * A kind's own values in `sync_state` under `<prefix>` (such as a change waiting for the item
   * it belongs to), by key.
   */
  statesUnder(prefix: string): { key: string; value: string }[] {
    return this.statements
      .sql('SELECT key, value FROM sync_state WHERE key >= ? AND key < ? ORDER BY key')
      .all(prefix, `${prefix}\uffff`) as { key: string; value: string }[]
  }

  putState(key: string, value: string): void {
    this.statements
      .sql(
        `INSERT INTO sync_state (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`
      )
      .run(key, value)
  }

  dropState(key: string): void {
    this.statements.sql('DELETE FROM sync_state WHERE key = ?').run(key)
  }
}
