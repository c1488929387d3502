import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { databasePath } from '../../src/main/core'
import { runMigrations } from '../../src/main/core/db/migrate'
import { MIGRATIONS } from '../../src/main/core/db/migrations'
import { noteListSql } from '../../src/main/core/notes/note-repo'
import { writeAtlasFixtures } from './atlas-fixtures'
import { call, openTestLibrary, queryPlanDetails, tempDir, writeBuiltinArticle } from './helpers'
import { libraryInternals } from '../../src/main/core/library'

describe('migration 003 (atlas and notes)', () => {
  it('upgrades a version-2 library, keeping its articles, and imports the atlas', async () => {
    const dataDir = tempDir()
    const raw = new Database(databasePath(dataDir))
    raw.pragma('journal_mode = WAL')
    runMigrations(
      raw,
      MIGRATIONS.filter((m) => m.version < 3),
      () => {}
    )
    expect(raw.pragma('user_version', { simple: true })).toBe(2)
    raw
      .prepare(
        `INSERT INTO articles (id, title, category, summary, body, text_hash, revision, created_at, updated_at)
           VALUES ('old', 'Old article', 'ims', '', 'Old body', 'x', 1, '2024-01-01', '2024-01-01')`
      )
      .run()
    raw.close()
    const resourcesDir = tempDir('pointbook-resources-')
    writeAtlasFixtures(resourcesDir)
    const { library } = openTestLibrary({ dataDir, resourcesDir })
    expect(
      libraryInternals(library).db.pragma('user_version', { simple: true })
    ).toBeGreaterThanOrEqual(3)
    expect(
      libraryInternals(library)
        .db.prepare("SELECT title FROM articles WHERE id = 'old'")
        .pluck()
        .get()
    ).toBe('Old article')
    expect((await call(library, 'atlas:muscles', {})).length).toBe(3)
    const note = await call(library, 'notes:create', {
      target: { kind: 'article', id: 'old' },
      body: 'About the old article.'
    })
    expect(note.target?.title).toBe('Old article')
  })

  it('refuses a note whose target is half given (both kind and id, or neither)', () => {
    const { library } = openTestLibrary()
    const insert = (kind: string | null, id: string | null) =>
      libraryInternals(library)
        .db.prepare(
          `INSERT INTO notes (id, target_kind, target_id, body, revision, created_at, updated_at)
           VALUES (?, ?, ?, 'x', 1, 'now', 'now')`
        )
        .run(`n-${String(kind)}-${String(id)}`, kind, id)
    expect(() => insert('muscle', null)).toThrow(/CHECK/)
    expect(() => insert(null, 'x')).toThrow(/CHECK/)
    expect(() => insert('handout', 'x')).toThrow(/CHECK/)
    expect(() => insert(null, null)).not.toThrow()
  })
})

/** The hot queries of the atlas and notes use an index, never a full scan. */
const HOT_QUERIES: Record<string, string> = {
  'muscle by id': 'SELECT content_json FROM muscles WHERE id = ?',
  'muscles by root': 'SELECT DISTINCT muscle_id FROM muscle_roots WHERE root IN (?, ?)',
  'trigger point owner':
    'SELECT t.muscle_id, m.name FROM trigger_points AS t JOIN muscles AS m ON m.id = t.muscle_id WHERE t.id = ?',
  'trigger points of a muscle':
    'SELECT id FROM trigger_points WHERE muscle_id = ? ORDER BY position',
  'acupoint by code': 'SELECT content_json FROM acupoints WHERE code = ?',
  'acupoints of a channel': 'SELECT code FROM acupoints WHERE meridian = ? ORDER BY number',
  'notes of items (the list query)': noteListSql({ targets: [] }).replace('@targets', '?'),
  'note revisions': 'SELECT revision FROM note_revisions WHERE note_id = ? ORDER BY revision DESC',
  'draft by key': 'SELECT body FROM note_drafts WHERE key = ?'
}

describe('query plans of the atlas and notes', () => {
  for (const [name, sql] of Object.entries(HOT_QUERIES)) {
    it(`${name} uses an index`, () => {
      const { library } = openTestLibrary()
      const details = queryPlanDetails(libraryInternals(library).db, sql)
      // json_each is a table-valued function: "SCAN json_each" is the list of wanted items.
      expect(details.filter((d) => d.startsWith('SCAN') && !d.includes('json_each'))).toEqual([])
    })
  }

  // How fast is for `npm run bench`; here, that the page's query stays on an index with many notes.
  it('a muscle page finds its notes among many, through an index', async () => {
    const first = openTestLibrary()
    writeAtlasFixtures(first.resourcesDir)
    writeBuiltinArticle(first.resourcesDir, { id: 'a' })
    const second = first.reopen()
    const { library } = second
    const insert = libraryInternals(library).db.prepare(
      `INSERT INTO notes (id, target_kind, target_id, body, revision, created_at, updated_at)
       VALUES (?, 'article', ?, 'x', 1, '2025-01-01', '2025-01-01')`
    )
    // 5000 notes on 500 other items.
    libraryInternals(library).db.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run(`bulk-${i}`, `a-${i % 500}`)
    })()
    await call(library, 'notes:create', {
      target: { kind: 'muscle', id: 'infraspinatus' },
      body: 'Mine'
    })
    // Closing runs PRAGMA optimize, as the app does: the planner then knows of the 5000 notes.
    const { library: reopened } = second.reopen()
    const notes = await call(reopened, 'notes:list', {
      targets: [
        { kind: 'muscle', id: 'infraspinatus' },
        { kind: 'trigger-point', id: 'infraspinatus-1' }
      ]
    })
    expect(notes.map((n) => n.body)).toEqual(['Mine'])
    const plan = queryPlanDetails(
      libraryInternals(reopened).db,
      HOT_QUERIES['notes of items (the list query)']!
    )
    expect(plan.filter((d) => d.startsWith('SCAN') && !d.includes('json_each'))).toEqual([])
  })
})
