import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { databasePath, listBackups, openLibrary, restoreLatestBackup } from '../../src/main/core'
import { checkDatabaseFile } from '../../src/main/core/db/integrity'
import {
  DAY,
  HOUR,
  apiErrorOf,
  call,
  draft,
  openTestLibrary,
  sha256File,
  tempDir,
  testClock
} from './helpers'
import { libraryInternals } from '../../src/main/core/library'

/** Overwrites part of a page with garbage (page numbers start at 1; page 1 holds the header). */
function damagePage(path: string, page: number, bytes = 200): void {
  const pageSize = readFileSync(path).readUInt16BE(16)
  const fd = openSync(path, 'r+')
  writeSync(fd, Buffer.alloc(bytes, 0xab), 0, bytes, pageSize * (page - 1))
  closeSync(fd)
}

/** A library with one article that is also in a daily backup; closed, ready to be damaged. */
async function libraryWithBackup(): Promise<{
  dataDir: string
  articleId: string
  rows: unknown[]
}> {
  const clock = testClock()
  const first = openTestLibrary({ clock })
  const article = await call(first.library, 'articles:create', draft('Kept in the backup'))
  clock.advance(DAY + HOUR)
  const second = first.reopen()
  const rows = libraryInternals(second.library)
    .db.prepare('SELECT * FROM articles ORDER BY id')
    .all()
  second.library.close()
  return { dataDir: first.dataDir, articleId: article.id, rows }
}

describe('corruption (D5)', () => {
  it('detects a damaged page at start-up, names the latest good backup and keeps the file', async () => {
    const { dataDir } = await libraryWithBackup()
    const path = databasePath(dataDir)
    for (const page of [2, 3, 4]) damagePage(path, page)
    const damaged = sha256File(path)
    const newest = listBackups(dataDir)[0]
    const error = await apiErrorOf(() =>
      openLibrary({ dataDir, resourcesDir: tempDir(), warn: () => {} })
    )
    expect(error.code).toBe('corrupt_database')
    expect(error.message).toContain(newest?.fileName ?? 'missing')
    expect(error.message).toMatch(/left exactly as it was/)
    expect(sha256File(path)).toBe(damaged)
  })

  it('detects a damaged header', async () => {
    const { dataDir } = await libraryWithBackup()
    const fd = openSync(databasePath(dataDir), 'r+')
    writeSync(fd, Buffer.alloc(100, 0x41), 0, 100, 0)
    closeSync(fd)
    const error = await apiErrorOf(() =>
      openLibrary({ dataDir, resourcesDir: tempDir(), warn: () => {} })
    )
    expect(error.code).toBe('corrupt_database')
  })

  it('restores the newest good backup and keeps the damaged file aside', async () => {
    const { dataDir, articleId, rows } = await libraryWithBackup()
    const path = databasePath(dataDir)
    damagePage(path, 2)
    const damaged = sha256File(path)
    const result = restoreLatestBackup(dataDir, { now: () => new Date('2025-03-05T10:00:00.000Z') })
    expect(result.damagedFileKeptAt).toBe(`${path}.damaged-2025-03-05T10-00-00.000Z`)
    expect(sha256File(result.damagedFileKeptAt ?? '')).toBe(damaged)
    expect(existsSync(`${path}.restoring`)).toBe(false)
    expect(checkDatabaseFile(path).ok).toBe(true)
    // The restore drill (D6): the same rows come back.
    const { library } = openTestLibrary({ dataDir })
    expect(
      libraryInternals(library).db.prepare('SELECT * FROM articles ORDER BY id').all()
    ).toEqual(rows)
    expect((await call(library, 'articles:get', { id: articleId })).title).toBe(
      'Kept in the backup'
    )
  })

  it('skips a backup that fails its check', async () => {
    const { dataDir } = await libraryWithBackup()
    const [newest, older] = listBackups(dataDir)
    damagePage(newest?.path ?? '', 2)
    const result = restoreLatestBackup(dataDir)
    expect(result.restoredFrom.fileName).toBe(older?.fileName)
  })

  it('refuses to restore when there is no good backup, and changes nothing', async () => {
    const dataDir = tempDir()
    const raw = new Database(databasePath(dataDir))
    raw.exec('CREATE TABLE t (x)')
    raw.close()
    const before = sha256File(databasePath(dataDir))
    const error = await apiErrorOf(() => restoreLatestBackup(dataDir))
    expect(error.code).toBe('not_found')
    expect(sha256File(databasePath(dataDir))).toBe(before)
  })
})

describe('backups (D6)', () => {
  it('makes one daily backup at most every 24 hours, each passing quick_check', () => {
    const clock = testClock()
    let opened = openTestLibrary({ clock })
    expect(listBackups(opened.dataDir)).toHaveLength(1)
    clock.advance(23 * HOUR)
    opened = opened.reopen()
    expect(listBackups(opened.dataDir)).toHaveLength(1)
    clock.advance(2 * HOUR)
    opened = opened.reopen()
    const backups = listBackups(opened.dataDir)
    expect(backups.map((b) => b.reason)).toEqual(['daily', 'daily'])
    expect(backups[0]?.createdAt).toBe(clock.now().toISOString())
    for (const backup of backups) expect(checkDatabaseFile(backup.path).ok).toBe(true)
  })

  it('rotates by generation: the last 7 days, then one a week and one a month', () => {
    const clock = testClock()
    let opened = openTestLibrary({ clock })
    for (let day = 0; day < 40; day++) {
      clock.advance(DAY)
      opened = opened.reopen()
    }
    const backups = listBackups(opened.dataDir)
    const days = backups.map((b) => b.createdAt.slice(0, 10))
    // The newest 7 days each keep their copy; older ones thin out to weeks and months.
    expect(days.slice(0, 7)).toEqual(
      Array.from({ length: 7 }, (_, i) => new Date(clock.now().getTime() - i * DAY)).map((d) =>
        d.toISOString().slice(0, 10)
      )
    )
    expect(backups.length).toBeLessThan(7 + 4 + 12)
    expect(backups.length).toBeGreaterThan(7)
    // One a month: March's newest copy (the 31st) is kept though it is more than a week old.
    expect(days).toContain('2025-03-31')
    expect(Date.parse(days.at(-1) ?? '')).toBeLessThan(clock.now().getTime() - 14 * DAY)
    expect(backups[0]?.createdAt).toBe(clock.now().toISOString())
    expect([...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt))).toEqual(backups)
    expect(backups.every((b) => checkDatabaseFile(b.path).ok)).toBe(true)
    expect(existsSync(`${backups[0]?.path}.partial`)).toBe(false)
  })
})
