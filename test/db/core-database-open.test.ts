import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION, databasePath, listBackups, openLibrary } from '../../src/main/core'
import { runMigrations } from '../../src/main/core/db/migrate'
import { MIGRATIONS } from '../../src/main/core/db/migrations'
import type { Migration } from '../../src/main/core/db/migrations'
import {
  apiErrorOf,
  call,
  draft,
  openTestLibrary,
  sha256File,
  sidecarFiles,
  tempDir
} from './helpers'
import { libraryInternals } from '../../src/main/core/library'

describe('opening the library database', () => {
  it('creates every table from an empty folder and reports the schema version', async () => {
    const { library, dataDir } = openTestLibrary({ dataDir: join(tempDir(), 'nested', 'library') })
    expect(existsSync(databasePath(dataDir))).toBe(true)
    const info = await call(library, 'app:info', {})
    expect(info).toMatchObject({
      version: '1.2.3-test',
      dataDir,
      schemaVersion: LATEST_SCHEMA_VERSION,
      readOnly: false,
      readOnlyReason: null
    })
    expect(info.sqliteVersion).toMatch(/^3\.\d+\.\d+$/)
    const tables = libraryInternals(library)
      .db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')")
      .pluck()
      .all()
    expect(tables).toEqual(
      expect.arrayContaining([
        'articles',
        'article_revisions',
        'article_tags',
        'article_links',
        'builtin_items',
        'diagrams',
        'search_docs',
        'search_fts'
      ])
    )
  })

  it('sets WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const { library } = openTestLibrary()
    expect(libraryInternals(library).db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(libraryInternals(library).db.pragma('synchronous', { simple: true })).toBe(2)
    expect(libraryInternals(library).db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(libraryInternals(library).db.pragma('busy_timeout', { simple: true })).toBe(5000)
  })

  it('keeps the data when the library is closed and opened again', async () => {
    const first = openTestLibrary()
    const created = await call(
      first.library,
      'articles:create',
      draft('Neck pain', 'About the neck.')
    )
    const second = first.reopen()
    const again = await call(second.library, 'articles:get', { id: created.id })
    expect(again).toEqual(created)
    expect((await call(second.library, 'search:query', { q: 'neck' })).hits).toHaveLength(1)
  })

  it('refuses a database from a newer version and leaves the file byte-for-byte untouched', async () => {
    const dataDir = tempDir()
    const path = databasePath(dataDir)
    const raw = new Database(path)
    raw.exec('CREATE TABLE future (x)')
    raw.pragma('user_version = 999')
    raw.close()
    const before = sha256File(path)
    const error = await apiErrorOf(() =>
      openLibrary({ dataDir, resourcesDir: tempDir(), appVersion: '1.2.3' })
    )
    expect(error.code).toBe('newer_database')
    expect(error.message).toContain('database version 999')
    expect(error.message).toContain(`database version ${LATEST_SCHEMA_VERSION} at most`)
    expect(error.message).toContain('Update Pointbook')
    expect(sha256File(path)).toBe(before)
    expect(sidecarFiles(path)).toEqual([])
    expect(existsSync(join(dataDir, 'backups'))).toBe(false)
  })

  it('refuses a newer WAL-mode library without creating -wal or -shm files', async () => {
    const { dataDir, library } = openTestLibrary()
    await call(library, 'articles:create', draft('Kept as it was'))
    library.close()
    const path = databasePath(dataDir)
    const raw = new Database(path)
    raw.pragma('user_version = 999')
    raw.close()
    expect(sidecarFiles(path)).toEqual([])
    const before = sha256File(path)
    const error = await apiErrorOf(() => openLibrary({ dataDir, resourcesDir: tempDir() }))
    expect(error.code).toBe('newer_database')
    expect(sha256File(path)).toBe(before)
    expect(sidecarFiles(path)).toEqual([])
  })

  it.skipIf(MIGRATIONS.length < 2)('upgrades an older schema after a verified backup', async () => {
    const dataDir = tempDir()
    const raw = new Database(databasePath(dataDir))
    raw.pragma('journal_mode = WAL')
    runMigrations(raw, MIGRATIONS.slice(0, 1), () => {})
    raw
      .prepare(
        `INSERT INTO articles (id, title, category, summary, body, text_hash, revision, created_at, updated_at)
           VALUES ('old', 'Old article', 'ims', '', 'Old body', 'x', 1, '2024-01-01', '2024-01-01')`
      )
      .run()
    raw.close()
    const { library } = openTestLibrary({ dataDir })
    expect((await call(library, 'app:info', {})).schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    expect(
      libraryInternals(library)
        .db.prepare("SELECT title FROM articles WHERE id = 'old'")
        .pluck()
        .get()
    ).toBe('Old article')
    const backup = listBackups(dataDir).find((b) => b.reason === 'pre-migration')
    expect(backup).toBeDefined()
    const copy = new Database(backup?.path ?? '', { readonly: true })
    expect(copy.pragma('user_version', { simple: true })).toBe(1)
    copy.close()
  })

  it('runs all pending migrations in one transaction: a failing one changes nothing', () => {
    const path = join(tempDir(), 'm.sqlite')
    const db = new Database(path)
    const migrations: Migration[] = [
      { version: 1, name: 'one', up: (d) => void d.exec('CREATE TABLE one (x)') },
      {
        version: 2,
        name: 'two',
        up: (d) => {
          d.exec('CREATE TABLE two (x)')
          throw new Error('boom')
        }
      }
    ]
    const backups: number[] = []
    expect(() => runMigrations(db, migrations, (from) => backups.push(from))).toThrow('boom')
    expect(backups).toEqual([0])
    expect(db.pragma('user_version', { simple: true })).toBe(0)
    expect(
      db.prepare("SELECT count(*) FROM sqlite_schema WHERE name IN ('one', 'two')").pluck().get()
    ).toBe(0)
    db.close()
  })

  it('does not back up before migrating an empty new file', () => {
    const { dataDir } = openTestLibrary()
    expect(listBackups(dataDir).map((b) => b.reason)).not.toContain('pre-migration')
  })

  it('reports a data folder that cannot be created', async () => {
    const file = join(tempDir(), 'a-file')
    writeFileSync(file, 'not a folder')
    const error = await apiErrorOf(() =>
      openLibrary({ dataDir: join(file, 'lib'), resourcesDir: tempDir() })
    )
    expect(error.code).toBe('io_error')
    expect(error.message).toMatch(/cannot create its data folder/)
  })
})
