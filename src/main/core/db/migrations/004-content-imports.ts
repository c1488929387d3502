import type { Migration } from './types'

/**
 * What each module's built-in content was when it was last imported (a hash of its shipped
 * files and importer version), so a start-up with unchanged content skips the import. Never edit
 * once shipped.
 */
export const contentImports: Migration = {
  version: 4,
  name: 'content imports',
  up(db) {
    db.exec(`
      CREATE TABLE content_imports (
        module TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;
    `)
  }
}
