import type { Migration } from './types'

/**
 * The trigger-point atlas, the acupoints and practitioner notes (issue 4).
 *
 * Muscles and points are built-in content: each row keeps its validated content as JSON plus the
 * columns that lists, filters and the segmental lookup query. Notes keep every saved text as a
 * revision; a draft being typed is saved apart (one per note, or per item for a new note) so it
 * survives a crash or an accidental close. Never edit once shipped.
 */
export const atlas: Migration = {
  version: 3,
  name: 'atlas',
  up(db) {
    db.exec(`
      CREATE TABLE muscles (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        region TEXT NOT NULL,
        content_json TEXT NOT NULL,
        -- sha256 of the content (see builtin tracking): tells an edited muscle from a shipped one.
        text_hash TEXT NOT NULL,
        content_version INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX muscles_by_region ON muscles (region, name);

      -- Segmental levels of each muscle's innervation (IMS lookup by nerve root).
      CREATE TABLE muscle_roots (
        root TEXT NOT NULL,
        muscle_id TEXT NOT NULL REFERENCES muscles (id) ON DELETE CASCADE,
        PRIMARY KEY (root, muscle_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX muscle_roots_by_muscle ON muscle_roots (muscle_id);

      CREATE TABLE trigger_points (
        id TEXT PRIMARY KEY,
        muscle_id TEXT NOT NULL REFERENCES muscles (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL
      ) STRICT;
      CREATE INDEX trigger_points_by_muscle ON trigger_points (muscle_id, position);

      CREATE TABLE acupoints (
        code TEXT PRIMARY KEY,
        meridian TEXT NOT NULL,
        number INTEGER NOT NULL,
        pinyin TEXT NOT NULL,
        english TEXT NOT NULL,
        region TEXT NOT NULL,
        flags_json TEXT NOT NULL DEFAULT '[]',
        has_marker INTEGER NOT NULL CHECK (has_marker IN (0, 1)),
        content_json TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        content_version INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX acupoints_by_meridian ON acupoints (meridian, number);

      -- A note stands alone (no target) or belongs to one muscle, trigger point, acupoint or
      -- article. target_id has no foreign key: articles can be deleted and restored.
      CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        target_kind TEXT CHECK (target_kind IN ('muscle', 'trigger-point', 'acupoint', 'article')),
        target_id TEXT,
        body TEXT NOT NULL,
        pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
        revision INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT,
        CHECK ((target_kind IS NULL) = (target_id IS NULL))
      ) STRICT;
      CREATE INDEX notes_by_target ON notes (target_kind, target_id);
      CREATE INDEX notes_by_order ON notes (pinned DESC, updated_at DESC);

      -- Every save of a note's text, oldest first.
      CREATE TABLE note_revisions (
        id INTEGER PRIMARY KEY,
        note_id TEXT NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        body TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('user', 'restore')),
        saved_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX note_revisions_by_note ON note_revisions (note_id, revision);

      -- What is being typed, saved as the practitioner types: one draft per note being edited
      -- ('note:<id>') or per item a new note is being written for ('new:<kind>:<id>', 'new').
      CREATE TABLE note_drafts (
        key TEXT PRIMARY KEY,
        note_id TEXT,
        target_kind TEXT,
        target_id TEXT,
        body TEXT NOT NULL,
        base_revision INTEGER,
        saved_at TEXT NOT NULL
      ) STRICT;
    `)
  }
}
