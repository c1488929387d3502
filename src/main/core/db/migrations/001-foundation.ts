import type { Migration } from './types'

/**
 * The first schema: articles with full revision history, tags and links; the generic built-in
 * content tracking every importer shares; the diagram cache; and the one full-text index for
 * every kind of item. Never edit this file once shipped: add a new migration instead.
 */
export const foundation: Migration = {
  version: 1,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        category TEXT NOT NULL,
        summary TEXT NOT NULL,
        body TEXT NOT NULL,
        tags_json TEXT NOT NULL DEFAULT '[]',
        references_json TEXT NOT NULL DEFAULT '[]',
        -- sha256 of the editable text (title, body, category, tags, summary): compared with the
        -- built-in text last imported to tell whether the clinic has edited a built-in article.
        text_hash TEXT NOT NULL,
        revision INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      ) STRICT;
      CREATE INDEX articles_by_category ON articles (category);

      CREATE TABLE article_revisions (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        revision INTEGER NOT NULL,
        title TEXT NOT NULL,
        category TEXT NOT NULL,
        summary TEXT NOT NULL,
        body TEXT NOT NULL,
        tags_json TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('builtin', 'user', 'restore', 'reset')),
        saved_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX article_revisions_by_article ON article_revisions (article_id, revision);

      -- tag_key is the lower-cased tag: filters and counts ignore case, display keeps the spelling.
      CREATE TABLE article_tags (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        tag_key TEXT NOT NULL,
        tag TEXT NOT NULL,
        PRIMARY KEY (article_id, tag_key)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX article_tags_by_tag ON article_tags (tag_key);

      -- target_id has no foreign key: a link may point at an article that does not exist yet.
      CREATE TABLE article_links (
        source_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        target_id TEXT NOT NULL,
        PRIMARY KEY (source_id, target_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX article_links_by_target ON article_links (target_id);

      -- One row per built-in item of any kind (article, handout, muscle, acupoint …).
      CREATE TABLE builtin_items (
        kind TEXT NOT NULL,
        item_id TEXT NOT NULL,
        imported_version INTEGER NOT NULL,
        imported_hash TEXT NOT NULL,
        shipped_version INTEGER NOT NULL,
        shipped_hash TEXT NOT NULL,
        shipped_json TEXT NOT NULL,
        PRIMARY KEY (kind, item_id)
      ) STRICT;

      CREATE TABLE diagrams (
        source_hash TEXT PRIMARY KEY,
        svg TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE search_docs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        item_id TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        tags TEXT NOT NULL,
        aliases TEXT NOT NULL,
        tags_json TEXT NOT NULL,
        tag_keys_json TEXT NOT NULL,
        flags_json TEXT NOT NULL,
        parent_kind TEXT,
        parent_id TEXT,
        parent_title TEXT
      ) STRICT;
      CREATE UNIQUE INDEX search_docs_by_item ON search_docs (kind, item_id);

      -- External-content FTS5 table over search_docs, kept in step by the triggers below.
      CREATE VIRTUAL TABLE search_fts USING fts5 (
        title, body, tags, aliases,
        content = 'search_docs', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3 4'
      );
      CREATE TRIGGER search_docs_after_insert AFTER INSERT ON search_docs BEGIN
        INSERT INTO search_fts (rowid, title, body, tags, aliases)
          VALUES (new.id, new.title, new.body, new.tags, new.aliases);
      END;
      CREATE TRIGGER search_docs_after_delete AFTER DELETE ON search_docs BEGIN
        INSERT INTO search_fts (search_fts, rowid, title, body, tags, aliases)
          VALUES ('delete', old.id, old.title, old.body, old.tags, old.aliases);
      END;
      CREATE TRIGGER search_docs_after_update AFTER UPDATE ON search_docs BEGIN
        INSERT INTO search_fts (search_fts, rowid, title, body, tags, aliases)
          VALUES ('delete', old.id, old.title, old.body, old.tags, old.aliases);
        INSERT INTO search_fts (rowid, title, body, tags, aliases)
          VALUES (new.id, new.title, new.body, new.tags, new.aliases);
      END;
    `)
  }
}
