import type { Db } from '../db/sqlite'
import { StatementCache } from '../db/statements'

/**
 * Built-in content (shipped under resources/) is imported into the library on first run and on
 * every upgrade. A clinic's edits to a built-in item are never overwritten by an upgrade; the
 * newer text is kept here so "reset to built-in" can apply it when the clinic asks.
 *
 * This module is shared by every kind (articles, handouts, muscles, acupoints …). Per item it
 * remembers two texts:
 * - imported: the shipped text the item's history last took in (its version and hash);
 * - shipped: the newest text the app has shipped (version, hash and the full content as JSON).
 * The item is "modified" when its current text hash differs from the imported hash, and a
 * "built-in update is available" when the shipped text is newer than the imported one.
 */

export interface BuiltinRecord {
  readonly kind: string
  readonly itemId: string
  readonly importedVersion: number
  readonly importedHash: string
  readonly shippedVersion: number
  readonly shippedHash: string
}

export interface ShippedItem<T> {
  readonly kind: string
  readonly id: string
  readonly contentVersion: number
  /** Hash of the editable text only (see content-hash.ts), the same hash the feature stores. */
  readonly textHash: string
  /** Everything needed to (re)create the item, stored as JSON for "reset to built-in". */
  readonly content: T
}

/** How one feature reads and writes its own items; called inside the caller's transaction. */
export interface BuiltinItemWriter<T> {
  /** Hash of the item's current editable text, or null when no item has this id. */
  currentTextHash(id: string): string | null
  /** Creates the item from the shipped content (first import). */
  create(content: T): void
  /** Applies newer shipped content to an item the clinic has not edited. */
  update(content: T): void
}

export type BuiltinSyncAction =
  /** New item created from the shipped content. */
  | 'created'
  /** Unedited item brought up to the newer shipped text. */
  | 'updated'
  /** Edited item left alone; the newer shipped text is kept for "reset to built-in". */
  | 'kept-edited'
  | 'unchanged'
  /** The clinic already has an item of its own with this id: it is left alone. */
  | 'skipped-conflict'
  /** The shipped text is older than the one imported (an older copy of the app): ignored. */
  | 'skipped-older'

export interface BuiltinStatus {
  readonly isBuiltin: boolean
  readonly isModified: boolean
  readonly updateAvailable: boolean
}

/** Pure decision for one shipped item: what an import would do. */
export function decideBuiltinSync(
  record: BuiltinRecord | null,
  shipped: { readonly contentVersion: number; readonly textHash: string },
  currentHash: string | null
): BuiltinSyncAction {
  if (record === null) return currentHash === null ? 'created' : 'skipped-conflict'
  if (currentHash === null) return 'created'
  if (shipped.contentVersion < record.importedVersion) return 'skipped-older'
  const newer =
    shipped.contentVersion > record.importedVersion || shipped.textHash !== record.importedHash
  if (!newer) return 'unchanged'
  return currentHash === record.importedHash ? 'updated' : 'kept-edited'
}

/** isModified / updateAvailable for an item, from its tracking record and current text hash. */
export function builtinStatus(record: BuiltinRecord | null, currentHash: string): BuiltinStatus {
  if (record === null) return { isBuiltin: false, isModified: false, updateAvailable: false }
  return {
    isBuiltin: true,
    isModified: currentHash !== record.importedHash,
    updateAvailable:
      record.shippedVersion > record.importedVersion ||
      (record.shippedVersion === record.importedVersion &&
        record.shippedHash !== record.importedHash)
  }
}

interface RecordRow {
  kind: string
  item_id: string
  imported_version: number
  imported_hash: string
  shipped_version: number
  shipped_hash: string
}

const toRecord = (row: RecordRow): BuiltinRecord => ({
  kind: row.kind,
  itemId: row.item_id,
  importedVersion: row.imported_version,
  importedHash: row.imported_hash,
  shippedVersion: row.shipped_version,
  shippedHash: row.shipped_hash
})

/** The repository for builtin_items plus the sync that every importer runs per item. */
export class BuiltinTracking {
  private readonly statements: StatementCache

  constructor(db: Db) {
    this.statements = new StatementCache(db)
  }

  get(kind: string, itemId: string): BuiltinRecord | null {
    const row = this.statements
      .sql(
        'SELECT kind, item_id, imported_version, imported_hash, shipped_version, shipped_hash ' +
          'FROM builtin_items WHERE kind = ? AND item_id = ?'
      )
      .get(kind, itemId) as RecordRow | undefined
    return row ? toRecord(row) : null
  }

  /** Every record of a kind, keyed by item id (for lists). */
  allOfKind(kind: string): Map<string, BuiltinRecord> {
    const rows = this.statements
      .sql(
        'SELECT kind, item_id, imported_version, imported_hash, shipped_version, shipped_hash ' +
          'FROM builtin_items WHERE kind = ?'
      )
      .all(kind) as RecordRow[]
    return new Map(rows.map((row) => [row.item_id, toRecord(row)]))
  }

  /** The newest shipped content of an item as stored JSON (parse it with the feature's schema). */
  shippedContent(kind: string, itemId: string): unknown {
    const row = this.statements
      .sql('SELECT shipped_json FROM builtin_items WHERE kind = ? AND item_id = ?')
      .get(kind, itemId) as { shipped_json: string } | undefined
    return row ? (JSON.parse(row.shipped_json) as unknown) : null
  }

  /** What `sync` would do, without writing: lets an importer back up before changing anything. */
  plan<T>(item: ShippedItem<T>, writer: BuiltinItemWriter<T>): BuiltinSyncAction {
    return decideBuiltinSync(this.get(item.kind, item.id), item, writer.currentTextHash(item.id))
  }

  /** Brings one item in line with its shipped content. Run it inside a transaction. */
  sync<T>(item: ShippedItem<T>, writer: BuiltinItemWriter<T>): BuiltinSyncAction {
    const action = this.plan(item, writer)
    switch (action) {
      case 'created':
        writer.create(item.content)
        this.recordImported(item)
        break
      case 'updated':
        writer.update(item.content)
        this.recordImported(item)
        break
      case 'kept-edited':
        this.recordShipped(item)
        break
      default:
        break
    }
    return action
  }

  /** After "reset to built-in": the item's history now holds the shipped text. */
  markShippedAsImported(kind: string, itemId: string): void {
    this.statements
      .sql(
        'UPDATE builtin_items SET imported_version = shipped_version, imported_hash = shipped_hash ' +
          'WHERE kind = ? AND item_id = ?'
      )
      .run(kind, itemId)
  }

  private recordImported<T>(item: ShippedItem<T>): void {
    this.statements
      .sql(
        'INSERT INTO builtin_items (kind, item_id, imported_version, imported_hash, shipped_version, ' +
          'shipped_hash, shipped_json) VALUES (@kind, @id, @version, @hash, @version, @hash, @json) ' +
          'ON CONFLICT (kind, item_id) DO UPDATE SET imported_version = excluded.imported_version, ' +
          'imported_hash = excluded.imported_hash, shipped_version = excluded.shipped_version, ' +
          'shipped_hash = excluded.shipped_hash, shipped_json = excluded.shipped_json'
      )
      .run(this.params(item))
  }

  private recordShipped<T>(item: ShippedItem<T>): void {
    const record = this.get(item.kind, item.id)
    // Already holding this shipped text: skip the write, so a start-up that changes nothing
    // writes nothing.
    if (record?.shippedVersion === item.contentVersion && record.shippedHash === item.textHash)
      return
    this.statements
      .sql(
        'UPDATE builtin_items SET shipped_version = @version, shipped_hash = @hash, ' +
          'shipped_json = @json WHERE kind = @kind AND item_id = @id'
      )
      .run(this.params(item))
  }

  private params<T>(item: ShippedItem<T>): Record<string, string | number> {
    return {
      kind: item.kind,
      id: item.id,
      version: item.contentVersion,
      hash: item.textHash,
      json: JSON.stringify(item.content)
    }
  }
}
