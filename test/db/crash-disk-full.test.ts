import { spawn } from 'node:child_process'
import { chmodSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { DISK_WRITE_FAILED_MESSAGE } from '../../src/main/core/api/disk-errors'
import { dispatch } from '../../src/main/core/api/dispatch'
import { LATEST_SCHEMA_VERSION, databasePath, listBackups } from '../../src/main/core'
import type { Library } from '../../src/main/core'
import { backupsDir } from '../../src/main/core/db/backups'
import { checkDatabaseFile } from '../../src/main/core/db/integrity'
import { runMigrations } from '../../src/main/core/db/migrate'
import { MIGRATIONS } from '../../src/main/core/db/migrations'
import type * as MigrationsModule from '../../src/main/core/db/migrations'
import type { Migration } from '../../src/main/core/db/migrations'
import { DAY, call, draft, openTestLibrary, sha256File, tempDir, testClock } from './helpers'
import type { TestClock } from './helpers'
import { libraryInternals } from '../../src/main/core/library'

const ROOT = resolve(__dirname, '../..')
const PROBE = join(__dirname, 'probes', 'disk-full-probe.ts')
/** root ignores file permissions, so as root the read-only-folder probe runs as "nobody". */
const IS_ROOT = process.getuid?.() === 0
const NOBODY = 65534
/**
 * `ulimit -f` in 512-byte blocks (dash) or 1024-byte blocks (bash): 1 or 2 MB. The library is
 * made larger than that, so copying it (a backup) fails part-way, while opening and reading it
 * (a -shm of 32 kB, an empty -wal) does not.
 */
const FILE_SIZE_LIMIT_BLOCKS = 2048
const LARGE_LIBRARY_BYTES = 3_000_000
/**
 * For the tests that start a probe (a Node process that loads the core under tsx) on a large
 * library: 5 s at load 12, 35 s with stress --cpu 4 beside other work. Far above that; never a
 * speed target.
 */
const PROBE_TEST_TIMEOUT_MS = 300_000

interface ProbeOutput {
  opened: boolean
  error?: { code?: string; message?: string }
  info?: { ok: boolean; value: { readOnly: boolean; schemaVersion: number } }
  list?: { ok: boolean; value: { id: string }[] }
  warnings: string[]
}

/**
 * Opens the library in a child process that cannot grow a file past the limit, or as nobody.
 * Waits for the child to exit, however long that takes on a busy machine (the test has a limit).
 */
async function runProbe(
  dataDir: string,
  resourcesDir: string,
  clock: TestClock,
  limit: 'file-size' | 'nobody'
): Promise<ProbeOutput> {
  const node = [process.execPath, '--require', 'tsx/cjs', PROBE]
  const args = [dataDir, resourcesDir, clock.now().toISOString()]
  const child =
    limit === 'file-size'
      ? spawn(
          '/bin/sh',
          ['-c', 'ulimit -f "$1" && shift && exec "$@"', 'sh', `${FILE_SIZE_LIMIT_BLOCKS}`]
            .concat(node)
            .concat(args),
          { cwd: ROOT }
        )
      : spawn(node[0] as string, node.slice(1).concat(args), {
          cwd: ROOT,
          env: { ...process.env, HOME: '/tmp' },
          ...(IS_ROOT ? { uid: NOBODY, gid: NOBODY } : {})
        })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', resolve)
  })
  if (status !== 0) throw new Error(`probe failed: ${stdout}\n${stderr}`)
  return JSON.parse(stdout) as ProbeOutput
}

/** Makes the library larger than the file-size limit (a big cached diagram: plain data). */
function makeLarge(library: Library): void {
  libraryInternals(library)
    .db.prepare("INSERT INTO diagrams (source_hash, svg, created_at) VALUES ('large', ?, 'now')")
    .run(`<svg>${'<path d="M0 0L1 1"/>'.repeat(LARGE_LIBRARY_BYTES / 20)}</svg>`)
}

function integrityOf(path: string): unknown {
  const db = new Database(path, { readonly: true })
  try {
    return db.pragma('integrity_check', { simple: true })
  } finally {
    db.close()
  }
}

/** Backup file names with the note of what each holds (`<backup>.json`), sorted. */
const withNotes = (names: string[]): string[] =>
  [...names, ...names.map((name) => `${name}.json`)].sort()

const backupHashes = (dataDir: string): Record<string, string> =>
  Object.fromEntries(listBackups(dataDir).map((b) => [b.fileName, sha256File(b.path)]))

/** A library with an article and three good daily backups, large, closed. */
async function libraryWithBackups(): Promise<{
  dataDir: string
  resourcesDir: string
  clock: TestClock
  backups: Record<string, string>
}> {
  const clock = testClock()
  let opened = openTestLibrary({ clock })
  await call(opened.library, 'articles:create', draft('Kept safe', 'Kept through a failed backup.'))
  makeLarge(opened.library)
  for (let day = 0; day < 2; day++) {
    clock.advance(DAY)
    opened = opened.reopen()
  }
  opened.library.close()
  const backups = backupHashes(opened.dataDir)
  expect(Object.keys(backups)).toHaveLength(3)
  return { dataDir: opened.dataDir, resourcesDir: opened.resourcesDir, clock, backups }
}

describe('a full disk during a save (D3)', () => {
  it('fails with a clear io_error, writes nothing, and saves once there is space', async () => {
    const { library } = openTestLibrary()
    const first = await call(library, 'articles:create', draft('Needling depth', 'First text.'))
    const snapshot = () => ({
      article: libraryInternals(library).db.prepare('SELECT * FROM articles').all(),
      revisions: libraryInternals(library).db.prepare('SELECT * FROM article_revisions').all(),
      search: libraryInternals(library).db.prepare('SELECT * FROM search_docs').all(),
      tags: libraryInternals(library).db.prepare('SELECT * FROM article_tags').all()
    })
    const before = snapshot()
    // SQLite's own limit: the file may not grow, so the next save that needs a page fails
    // with SQLITE_FULL, as on a full disk.
    libraryInternals(library).db.pragma(
      `max_page_count = ${libraryInternals(library).db.pragma('page_count', { simple: true })}`
    )
    const logged: unknown[] = []
    const run = (channel: string, input: unknown) =>
      dispatch(library.handlers, channel, input, (_message, error) => logged.push(error))
    const longBody = 'Deep needling of the paraspinal muscles. '.repeat(5000)
    const edit = {
      ...draft('Needling depth, revised', longBody, { tags: ['depth'] }),
      id: first.id,
      baseRevision: first.revision
    }
    const expected = { ok: false, error: { code: 'io_error', message: DISK_WRITE_FAILED_MESSAGE } }
    expect(await run('articles:update', edit)).toEqual(expected)
    expect(await run('articles:create', draft('Another article', longBody))).toEqual(expected)
    expect(logged).toHaveLength(2)
    expect(logged[0]).toMatchObject({ code: 'SQLITE_FULL' })

    expect(snapshot()).toEqual(before)
    expect(libraryInternals(library).db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(integrityOf(databasePath(library.dataDir))).toBe('ok')

    libraryInternals(library).db.pragma('max_page_count = 1073741823')
    const saved = await call(library, 'articles:update', edit)
    expect(saved.revision).toBe(2)
    expect(saved.body).toBe(longBody)
    expect((await call(library, 'articles:revisions', { id: first.id })).length).toBe(2)
  })
})

describe('a backup that fails (D3)', { timeout: PROBE_TEST_TIMEOUT_MS }, () => {
  it('on a full disk: reported clearly, the library opens, earlier backups stay', async () => {
    const { dataDir, resourcesDir, clock, backups } = await libraryWithBackups()
    clock.advance(DAY)
    const out = await runProbe(dataDir, resourcesDir, clock, 'file-size')
    expect(out.opened).toBe(true)
    expect(out.info?.value.readOnly).toBe(false)
    expect(out.list?.value.map((a) => a.id)).toEqual(['kept-safe'])
    expect(out.warnings).toHaveLength(1)
    expect(out.warnings[0]).toMatch(
      /^The daily backup failed: Pointbook could not make a backup of your library in .*backups: (the disk reported a read or write error|the disk is full)\. Check that the disk has free space/
    )
    // Said in words, never SQLite's own text.
    expect(out.warnings[0]).not.toMatch(/SQLITE_|disk I\/O error|database or disk is full/)
    // The failed copy is gone and nothing else changed: no good backup was rotated out.
    expect(backupHashes(dataDir)).toEqual(backups)
    expect(readdirSync(backupsDir(dataDir)).sort()).toEqual(withNotes(Object.keys(backups)))
    expect(integrityOf(databasePath(dataDir))).toBe('ok')

    // With space again, the next start makes the backup.
    const { library } = openTestLibrary({ dataDir, resourcesDir, clock })
    expect(listBackups(dataDir)[0]?.createdAt).toBe(clock.now().toISOString())
    expect(listBackups(dataDir).every((b) => checkDatabaseFile(b.path).ok)).toBe(true)
    expect(library.info().readOnly).toBe(false)
  })

  it('into a folder that cannot be written: reported clearly, the library opens, backups stay', async () => {
    const { dataDir, resourcesDir, clock, backups } = await libraryWithBackups()
    const dir = backupsDir(dataDir)
    chmodSync(dir, 0o555)
    chmodSync(resourcesDir, 0o755)
    if (IS_ROOT) {
      // "nobody" must be able to write the library itself, just not the backups folder.
      chmodSync(dataDir, 0o777)
      chmodSync(databasePath(dataDir), 0o666)
    }
    onTestFinished(() => chmodSync(dir, 0o755))
    clock.advance(DAY)
    const out = await runProbe(dataDir, resourcesDir, clock, 'nobody')
    expect(out.opened).toBe(true)
    expect(out.info?.value.readOnly).toBe(false)
    expect(out.list?.value.map((a) => a.id)).toEqual(['kept-safe'])
    expect(out.warnings).toHaveLength(1)
    expect(out.warnings[0]).toMatch(
      /^The daily backup failed: Pointbook could not make a backup of your library in .*backups: the folder or file cannot be written to\. Check that the disk has free space and the folder can be written to\.$/
    )
    expect(backupHashes(dataDir)).toEqual(backups)
    expect(readdirSync(dir).sort()).toEqual(withNotes(Object.keys(backups)))
    expect(integrityOf(databasePath(dataDir))).toBe('ok')
  })
})

describe('a full disk during a migration (D3)', { timeout: PROBE_TEST_TIMEOUT_MS }, () => {
  afterEach(() => {
    vi.doUnmock('../../src/main/core/db/migrations')
    vi.resetModules()
  })

  it('when the pre-migration backup runs out of space: refused clearly, nothing changed', async () => {
    const dataDir = tempDir()
    const resourcesDir = tempDir('pointbook-resources-')
    const raw = new Database(databasePath(dataDir))
    raw.pragma('journal_mode = WAL')
    const older = LATEST_SCHEMA_VERSION - 1
    runMigrations(
      raw,
      MIGRATIONS.filter((m) => m.version <= older),
      () => {}
    )
    raw
      .prepare(
        `INSERT INTO articles (id, title, category, summary, body, text_hash, revision, created_at,
           updated_at) VALUES ('old', 'Old article', 'ims', '', 'Old body', 'x', 1, '2024-01-01',
           '2024-01-01')`
      )
      .run()
    raw
      .prepare("INSERT INTO diagrams (source_hash, svg, created_at) VALUES ('large', ?, 'now')")
      .run('x'.repeat(LARGE_LIBRARY_BYTES))
    raw.close()

    const out = await runProbe(dataDir, resourcesDir, testClock(), 'file-size')
    expect(out.opened).toBe(false)
    expect(out.error?.code).toBe('io_error')
    expect(out.error?.message).toMatch(
      /^Pointbook could not make a backup of your library in .*backups: (the disk reported a read or write error|the disk is full)\. Check that the disk has free space/
    )
    const db = new Database(databasePath(dataDir), { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.pragma('user_version', { simple: true })).toBe(older)
    expect(db.prepare("SELECT title FROM articles WHERE id = 'old'").pluck().get()).toBe(
      'Old article'
    )
    db.close()
    expect(readdirSync(backupsDir(dataDir))).toEqual([])

    // With space again, the upgrade goes through, after its backup.
    const { library } = openTestLibrary({ dataDir, resourcesDir })
    expect(library.info().schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    expect(listBackups(dataDir).map((b) => b.reason)).toContain('pre-migration')
  })

  it('when the migration itself runs out of space: refused clearly, left at the old version', async () => {
    const { library, dataDir, resourcesDir, clock } = openTestLibrary()
    const article = await call(library, 'articles:create', draft('Before the upgrade'))
    const rows = libraryInternals(library).db.prepare('SELECT * FROM articles').all()
    library.close()

    // The next version adds a migration that fills the disk half-way through (when told to).
    const fault = { fillDisk: true }
    const upgrade = await withExtraMigration({
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'test-only: runs out of space half-way',
      up(db) {
        db.exec('CREATE TABLE disk_full_probe (id INTEGER PRIMARY KEY, filler BLOB NOT NULL)')
        db.prepare('INSERT INTO disk_full_probe (filler) VALUES (randomblob(100))').run()
        if (!fault.fillDisk) return
        db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`)
        const insert = db.prepare('INSERT INTO disk_full_probe (filler) VALUES (randomblob(4000))')
        for (let i = 0; i < 10_000; i++) insert.run()
        throw new Error('max_page_count did not stop the migration')
      }
    })
    const options = { dataDir, resourcesDir, platform: { clock: clock.now }, warn: () => {} }
    const error = catchError(() => upgrade.openLibrary(options))
    expect(error).toMatchObject({ code: 'io_error' })
    expect((error as Error).message).toMatch(
      /^Pointbook could not update your library for this version: the disk is full or could not be written\. Nothing was changed/
    )

    const db = new Database(databasePath(dataDir), { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    expect(
      db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'disk_full_probe'").pluck().get()
    ).toBe(0)
    expect(db.prepare('SELECT * FROM articles').all()).toEqual(rows)
    db.close()
    // The backup made before migrating is there and good.
    const preMigration = listBackups(dataDir).filter((b) => b.reason === 'pre-migration')
    expect(preMigration).toHaveLength(1)
    expect(checkDatabaseFile(preMigration[0]?.path ?? '').ok).toBe(true)

    // With space again, the upgrade goes through and keeps the article.
    fault.fillDisk = false
    const upgraded = upgrade.openLibrary(options)
    try {
      expect(upgraded.info().schemaVersion).toBe(LATEST_SCHEMA_VERSION + 1)
      const got = await upgrade.dispatch(upgraded.handlers, 'articles:get', { id: article.id })
      expect(got).toMatchObject({ ok: true, value: { title: 'Before the upgrade' } })
    } finally {
      upgraded.close()
    }
  })
})

/**
 * A fresh copy of the core whose migration list ends with `extra`. The files of this project share
 * a worker's modules (vitest.config.mts): when the test ends, the mock goes and the next import
 * of the core is a fresh, real one.
 */
async function withExtraMigration(extra: Migration) {
  vi.resetModules()
  onTestFinished(() => {
    vi.doUnmock('../../src/main/core/db/migrations')
    vi.resetModules()
  })
  vi.doMock('../../src/main/core/db/migrations', async (importOriginal) => {
    const real = await importOriginal<typeof MigrationsModule>()
    return {
      ...real,
      MIGRATIONS: [...real.MIGRATIONS, extra],
      LATEST_SCHEMA_VERSION: extra.version
    }
  })
  const core = await import('../../src/main/core')
  const api = await import('../../src/main/core/api/dispatch')
  return { openLibrary: core.openLibrary, dispatch: api.dispatch }
}

function catchError(work: () => unknown): unknown {
  try {
    work()
  } catch (error) {
    return error
  }
  throw new Error('Expected an error, but the call succeeded.')
}
