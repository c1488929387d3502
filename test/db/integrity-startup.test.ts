/**
 * The integrity check at start-up (docs/data-safety.md): with `fullCheck: 'before-first-write'`
 * a large, cleanly closed library opens after a bounded check, and nothing can be written to it
 * until the full quick_check has passed; every other case is checked in full before it opens.
 */
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  statSync,
  truncateSync,
  writeSync
} from 'node:fs'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { ApiError } from '../../src/shared/api'
import { databasePath } from '../../src/main/core'
import { runMigrations } from '../../src/main/core/db/migrate'
import { MIGRATIONS } from '../../src/main/core/db/migrations'
import { openDatabase } from '../../src/main/core/db/open-database'
import type { OpenDatabaseOptions, OpenedDatabase } from '../../src/main/core/db/open-database'
import { apiErrorOf, sha256File, tempDir, testClock } from './helpers'

const ROWS = 2000

/** Options that allow the deferred check on any file size (the test files are ~1 MB). */
function options(dataDir: string, warnings: string[] = []): OpenDatabaseOptions {
  return {
    dataDir,
    clock: testClock().now,
    appVersion: '1.2.3-test',
    warn: (message) => warnings.push(message),
    fullCheck: 'before-first-write',
    fullCheckAtStartMaxBytes: 0
  }
}

/** A current-schema library with ~1 MB in one table, closed cleanly (no -wal left). */
function cleanLibrary(): string {
  const dataDir = tempDir()
  const { db } = openDatabase({ ...options(dataDir), fullCheck: 'at-start' })
  db.exec('CREATE TABLE bulk (n INTEGER PRIMARY KEY, text TEXT)')
  const insert = db.prepare('INSERT INTO bulk (text) VALUES (?)')
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) insert.run(`row ${i} `.padEnd(500, 'x'))
  })()
  db.close()
  expect(existsSync(`${databasePath(dataDir)}-wal`)).toBe(false)
  return dataDir
}

/** A leaf page of the bulk table, in the middle of the file. */
function bulkLeafPage(dataDir: string): number {
  const db = new Database(databasePath(dataDir), { readonly: true })
  try {
    const pages = db
      .prepare(
        "SELECT pageno FROM dbstat WHERE name = 'bulk' AND pagetype = 'leaf' ORDER BY pageno"
      )
      .pluck()
      .all() as number[]
    return pages[Math.floor(pages.length / 2)] as number
  } finally {
    db.close()
  }
}

/** Overwrites the start of a page (numbered from 1) with garbage. */
function damage(path: string, page: number, offset = 0, bytes = 200): void {
  const pageSize = readFileSync(path).readUInt16BE(16)
  const fd = openSync(path, 'r+')
  writeSync(fd, Buffer.alloc(bytes, 0xab), 0, bytes, pageSize * (page - 1) + offset)
  closeSync(fd)
}

function opened(dataDir: string, warnings: string[] = []): OpenedDatabase {
  return openDatabase(options(dataDir, warnings))
}

describe('the integrity check at start-up', () => {
  it('opens a large clean library before the full check and refuses every write until it has run', () => {
    const dataDir = cleanLibrary()
    const path = databasePath(dataDir)
    const before = sha256File(path)
    const { db, integrity } = opened(dataDir)
    try {
      expect(integrity.state).toBe('pending')
      expect(db.prepare('SELECT count(*) FROM bulk').pluck().get()).toBe(ROWS)
      for (const write of [
        () => db.prepare("INSERT INTO bulk (text) VALUES ('new')").run(),
        () => db.prepare('VACUUM INTO ?').run(`${path}.copy`),
        () => db.pragma('optimize'),
        () => db.pragma('user_version = 99')
      ]) {
        expect(write).toThrow(/readonly/)
      }
      expect(integrity.verify()).toBe('verified')
      expect(db.prepare("INSERT INTO bulk (text) VALUES ('new')").run().changes).toBe(1)
    } finally {
      db.close()
    }
    expect(sha256File(path)).not.toBe(before)
  })

  it('runs the full check before the first write when it has not run yet', () => {
    const { db, integrity } = opened(cleanLibrary())
    try {
      integrity.ensureVerified()
      expect(integrity.state).toBe('verified')
      expect(db.prepare("INSERT INTO bulk (text) VALUES ('new')").run().changes).toBe(1)
    } finally {
      db.close()
    }
  })

  it('finds a damaged data page in the full check, refuses writes and leaves the file as it was', async () => {
    const dataDir = cleanLibrary()
    const path = databasePath(dataDir)
    damage(path, bulkLeafPage(dataDir))
    const damaged = sha256File(path)
    const warnings: string[] = []
    const { db, integrity } = opened(dataDir, warnings)
    try {
      expect(integrity.state).toBe('pending')
      expect(integrity.verify()).toBe('damaged')
      expect(integrity.problems.length).toBeGreaterThan(0)
      expect(warnings.some((w) => w.startsWith('quick_check:'))).toBe(true)
      const error = await apiErrorOf(() => integrity.ensureVerified())
      expect(error.code).toBe('corrupt_database')
      expect(error.message).toMatch(/left exactly as it was/)
      expect((integrity.error() as ApiError).code).toBe('corrupt_database')
      expect(() => db.prepare("INSERT INTO bulk (text) VALUES ('new')").run()).toThrow(/readonly/)
    } finally {
      db.close()
    }
    expect(sha256File(path)).toBe(damaged)
  })

  it('checks the schema before it opens: a damaged schema page is reported at once', async () => {
    const dataDir = cleanLibrary()
    const path = databasePath(dataDir)
    // Page 1 holds the 100-byte file header, then the schema table's b-tree page.
    damage(path, 1, 100, 100)
    const damaged = sha256File(path)
    const error = await apiErrorOf(() => opened(dataDir))
    expect(error.code).toBe('corrupt_database')
    expect(sha256File(path)).toBe(damaged)
  })

  it('checks a truncated file in full before it opens', async () => {
    const dataDir = cleanLibrary()
    const path = databasePath(dataDir)
    const pageSize = readFileSync(path).readUInt16BE(16)
    truncateSync(path, readFileSync(path).length - 4 * pageSize)
    const error = await apiErrorOf(() => opened(dataDir))
    expect(error.code).toBe('corrupt_database')
  })

  it('checks in full before it opens after an unclean close (a -wal with frames)', () => {
    const dataDir = cleanLibrary()
    // A second connection holds uncheckpointed frames in the -wal, as a crash would leave them.
    const other = new Database(databasePath(dataDir))
    try {
      other.prepare("INSERT INTO bulk (text) VALUES ('in the wal')").run()
      const { db, integrity } = opened(dataDir)
      expect(integrity.state).toBe('verified')
      db.close()
    } finally {
      other.close()
    }
  })

  it('checks in full before it opens a library too small to be worth deferring, or by default', async () => {
    for (const small of [true, false]) {
      const dataDir = cleanLibrary()
      const path = databasePath(dataDir)
      damage(path, bulkLeafPage(dataDir))
      const extra = small
        ? { fullCheckAtStartMaxBytes: statSync(path).size }
        : { fullCheck: undefined }
      const error = await apiErrorOf(() => openDatabase({ ...options(dataDir), ...extra }))
      expect(error.code).toBe('corrupt_database')
    }
  })

  it.skipIf(MIGRATIONS.length < 2)(
    'checks in full before it opens a library that needs an upgrade',
    async () => {
      const dataDir = tempDir()
      const path = databasePath(dataDir)
      const raw = new Database(path)
      raw.pragma('journal_mode = WAL')
      runMigrations(raw, MIGRATIONS.slice(0, 1), () => {})
      raw.exec('CREATE TABLE bulk (n INTEGER PRIMARY KEY, text TEXT)')
      const insert = raw.prepare('INSERT INTO bulk (text) VALUES (?)')
      for (let i = 0; i < ROWS; i++) insert.run(`row ${i} `.padEnd(500, 'x'))
      raw.close()
      damage(path, bulkLeafPage(dataDir))
      const damaged = sha256File(path)
      const error = await apiErrorOf(() => opened(dataDir))
      expect(error.code).toBe('corrupt_database')
      expect(sha256File(path)).toBe(damaged)
    }
  )

  it('leaves the check pending when the library was closed before it ran', () => {
    const { db, integrity } = opened(cleanLibrary())
    db.close()
    expect(integrity.verify()).toBe('pending')
  })
})
