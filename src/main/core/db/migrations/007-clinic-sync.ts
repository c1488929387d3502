import type { Migration } from './types'

/** Tables whose saves the clinic network shares, and the outbox kind each one feeds. */
const SHARED_TABLES: readonly { table: string; kind: string; item: string }[] = [
  { table: 'articles', kind: 'article', item: 'new.id' },
  { table: 'article_revisions', kind: 'article', item: 'new.article_id' },
  { table: 'handout_texts', kind: 'handout', item: "new.handout_id || '/' || new.lang" },
  { table: 'handout_versions', kind: 'handout', item: "new.handout_id || '/' || new.lang" }
]

/**
 * The clinic network (docs/clinic-network.md). A local save puts a row in `sync_outbox` in the
 * save's own transaction (these triggers, so no domain's code changes and no save can forget
 * it); the sync module later turns the item's rows into replica documents and deletes the row.
 * While the sync module writes a change that came from another computer it holds a row in
 * `sync_applying`, so the triggers stay quiet and the change is not sent back. Never edit once
 * shipped. (IF NOT EXISTS: a library taken back to an older schema version by hand, as tests do,
 * keeps its tables and upgrades again.)
 */
export const clinicSync: Migration = {
  version: 7,
  name: 'clinic sync',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS sync_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        item_id TEXT NOT NULL
      ) STRICT;

      CREATE TABLE IF NOT EXISTS sync_applying (held INTEGER PRIMARY KEY CHECK (held = 1)) STRICT;

      -- The replica's id of each local revision (article revision, handout version): random for
      -- the clinic's edits, derived from the text for a shipped one, so every computer's copy of
      -- a built-in text is the same document.
      CREATE TABLE IF NOT EXISTS sync_revisions (
        kind TEXT NOT NULL,
        item_id TEXT NOT NULL,
        local_rev INTEGER NOT NULL,
        doc_key TEXT NOT NULL,
        PRIMARY KEY (kind, item_id, local_rev)
      ) STRICT;
      CREATE UNIQUE INDEX IF NOT EXISTS sync_revisions_by_key ON sync_revisions (kind, item_id, doc_key);

      -- The replica revision each shared document had when SQLite last matched it: a local save
      -- becomes its child (a concurrent change elsewhere makes a branch, i.e. a conflict, never
      -- an overwrite), and a change from the replica at this revision is this computer's own.
      CREATE TABLE IF NOT EXISTS sync_docs (doc_id TEXT PRIMARY KEY, rev TEXT NOT NULL) STRICT;

      -- How far this computer has applied its replica's changes feed.
      CREATE TABLE IF NOT EXISTS sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

      -- A version saved on another computer at the same time as the one shown: kept as a
      -- revision, flagged on the item until someone opens it.
      CREATE TABLE IF NOT EXISTS sync_conflicts (
        kind TEXT NOT NULL,
        item_id TEXT NOT NULL,
        doc_key TEXT NOT NULL,
        found_at TEXT NOT NULL,
        seen_at TEXT,
        PRIMARY KEY (kind, item_id, doc_key)
      ) STRICT;
      ${SHARED_TABLES.flatMap(({ table, kind, item }) =>
        ['INSERT', 'UPDATE'].map(
          (event) => `
      CREATE TRIGGER IF NOT EXISTS sync_${table}_after_${event.toLowerCase()} AFTER ${event} ON ${table}
        WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
      BEGIN
        INSERT INTO sync_outbox (kind, item_id) VALUES ('${kind}', ${item});
      END;`
        )
      ).join('\n')}
    `)
  }
}
