import type { Migration } from './types'

/**
 * Patient handouts (issue 3): every handout × language with its full version history, the clinic
 * profile (each save a revision, so a reprint uses the profile it was printed with), logos stored
 * once by hash, and the print log. The print log has no column for the patient's name, on
 * purpose: the name is typed at print time and never stored. Never edit once shipped.
 */
export const handouts: Migration = {
  version: 2,
  name: 'handouts',
  up(db) {
    db.exec(`
      CREATE TABLE handouts (
        id TEXT PRIMARY KEY,
        is_builtin INTEGER NOT NULL CHECK (is_builtin IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

      -- The current text of one handout in one language.
      CREATE TABLE handout_texts (
        handout_id TEXT NOT NULL REFERENCES handouts (id) ON DELETE CASCADE,
        lang TEXT NOT NULL,
        version INTEGER NOT NULL,
        title TEXT NOT NULL,
        summary TEXT NOT NULL,
        body TEXT NOT NULL,
        references_json TEXT NOT NULL DEFAULT '[]',
        review_status TEXT NOT NULL CHECK (review_status IN ('approved', 'needs-review')),
        approved_by TEXT,
        approved_on TEXT,
        -- sha256 of title, summary and body: compared with the built-in text last imported.
        text_hash TEXT NOT NULL,
        is_builtin INTEGER NOT NULL CHECK (is_builtin IN (0, 1)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (handout_id, lang)
      ) STRICT;

      -- Every save is a new version; print-log entries point at one, so reprints are exact.
      CREATE TABLE handout_versions (
        id INTEGER PRIMARY KEY,
        handout_id TEXT NOT NULL,
        lang TEXT NOT NULL,
        version INTEGER NOT NULL,
        title TEXT NOT NULL,
        summary TEXT NOT NULL,
        body TEXT NOT NULL,
        review_status TEXT NOT NULL CHECK (review_status IN ('approved', 'needs-review')),
        approved_by TEXT,
        approved_on TEXT,
        source TEXT NOT NULL CHECK (source IN ('builtin', 'user', 'reset', 'upgrade')),
        saved_at TEXT NOT NULL,
        FOREIGN KEY (handout_id, lang) REFERENCES handout_texts (handout_id, lang) ON DELETE CASCADE
      ) STRICT;
      CREATE UNIQUE INDEX handout_versions_by_text ON handout_versions (handout_id, lang, version);

      CREATE TABLE clinic_logos (
        hash TEXT PRIMARY KEY,
        mime TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg', 'image/svg+xml')),
        data BLOB NOT NULL,
        width REAL,
        height REAL
      ) STRICT;

      CREATE TABLE clinic_profiles (
        revision INTEGER PRIMARY KEY,
        profile_json TEXT NOT NULL,
        logo_hash TEXT REFERENCES clinic_logos (hash),
        saved_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE print_log (
        id INTEGER PRIMARY KEY,
        printed_at TEXT NOT NULL,
        output TEXT NOT NULL CHECK (output IN ('printer', 'pdf')),
        paper TEXT NOT NULL CHECK (paper IN ('letter', 'a4')),
        copies INTEGER NOT NULL CHECK (copies >= 1),
        large_print INTEGER NOT NULL CHECK (large_print IN (0, 1)),
        page_count INTEGER NOT NULL,
        practitioner TEXT,
        profile_revision INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX print_log_by_time ON print_log (printed_at);

      CREATE TABLE print_log_items (
        log_id INTEGER NOT NULL REFERENCES print_log (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        handout_id TEXT NOT NULL,
        lang TEXT NOT NULL,
        version INTEGER NOT NULL,
        PRIMARY KEY (log_id, position)
      ) STRICT, WITHOUT ROWID;
    `)
  }
}
