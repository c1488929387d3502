/** A table whose saves the clinic network shares, the outbox kind it feeds and its item's id. */
export interface SharedTable {
  readonly table: string
  readonly kind: string
  /** The SQL for the item's id, from the written row (`new.…`). */
  readonly item: string
}

/**
 * The outbox triggers of migration 007's design (docs/clinic-network.md), for the tables a later
 * migration shares: each insert or update adds a row to `sync_outbox` in the save's own
 * transaction, except while the sync module writes a change from elsewhere (`sync_applying`).
 */
export function outboxTriggers(tables: readonly SharedTable[]): string {
  return tables
    .flatMap(({ table, kind, item }) =>
      ['INSERT', 'UPDATE'].map(
        (event) => `
      CREATE TRIGGER IF NOT EXISTS sync_${table}_after_${event.toLowerCase()} AFTER ${event} ON ${table}
        WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
      BEGIN
        INSERT INTO sync_outbox (kind, item_id) VALUES ('${kind}', ${item});
      END;`
      )
    )
    .join('\n')
}
