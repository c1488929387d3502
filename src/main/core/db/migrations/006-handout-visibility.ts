import type { Migration } from './types'

/**
 * Handouts a clinic hides from the front desk (docs/handouts.md): one row per hidden handout (all
 * its languages). A hidden handout is left out of the front desk's singles and packs; it stays in
 * the Handouts list, searchable and printable. No row means shown, so every library, old or new,
 * starts with every handout at the front desk. Never edit once shipped.
 */
export const handoutVisibility: Migration = {
  version: 6,
  name: 'handout visibility',
  up(db) {
    db.exec(`
      CREATE TABLE hidden_handouts (
        handout_id TEXT PRIMARY KEY REFERENCES handouts (id) ON DELETE CASCADE,
        hidden_at TEXT NOT NULL
      ) STRICT;
    `)
  }
}
