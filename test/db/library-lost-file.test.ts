import { existsSync, readdirSync, rmSync, statSync, truncateSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { databasePath, listBackups, openLibrary, restoreLatestBackup } from '../../src/main/core'
import { LIBRARY_MARKER_FILE } from '../../src/main/core/db/library-marker'
import { libraryInternals } from '../../src/main/core/library'
import { DAY, apiErrorOf, call, openTestLibrary, sha256File, tempDir, testClock } from './helpers'
import type { TestClock } from './helpers'

/** A library with three notes and a daily backup holding them; closed. */
async function libraryWithNotes(clock: TestClock): Promise<string> {
  const first = openTestLibrary({ clock })
  for (const body of ['Left shoulder: ease pressure', 'Prefers lying on side', 'Needle-shy']) {
    await call(first.library, 'notes:create', { target: null, body })
  }
  clock.advance(DAY)
  const second = first.reopen()
  second.library.close()
  return first.dataDir
}

const open = (dataDir: string, clock: TestClock, startNewLibrary = false) =>
  openLibrary({
    dataDir,
    resourcesDir: tempDir('pointbook-resources-'),
    platform: { clock: clock.now },
    warn: () => undefined,
    ...(startNewLibrary ? { startNewLibrary } : {})
  })

const folderState = (dataDir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dataDir, { recursive: true, encoding: 'utf8' })
      .filter((name) => statSync(join(dataDir, name)).isFile())
      .map((name) => [name, sha256File(join(dataDir, name))])
  )

describe('a missing or empty library file where a library was (never a silent new library)', () => {
  it('a 0-byte file: eleven daily starts are each refused with the backup offered, nothing changes', async () => {
    const clock = testClock()
    const dataDir = await libraryWithNotes(clock)
    truncateSync(databasePath(dataDir), 0)
    const before = folderState(dataDir)
    for (let start = 0; start < 11; start++) {
      clock.advance(DAY)
      const error = await apiErrorOf(() => open(dataDir, clock))
      expect(error.code).toBe('corrupt_database')
      expect(error.message).toContain('is empty (0 bytes)')
      expect(error.message).toContain('3 notes')
      expect(error.message).toContain('Nothing was created or changed')
    }
    expect(folderState(dataDir)).toEqual(before)
    expect(statSync(databasePath(dataDir)).size).toBe(0)

    restoreLatestBackup(dataDir)
    const restored = open(dataDir, clock)
    const notes = await call(restored, 'notes:list', { standalone: true })
    restored.close()
    expect(notes).toHaveLength(3)
  })

  it('a missing file is refused the same way', async () => {
    const clock = testClock()
    const dataDir = await libraryWithNotes(clock)
    rmSync(databasePath(dataDir))
    for (const suffix of ['-wal', '-shm']) rmSync(databasePath(dataDir) + suffix, { force: true })
    const error = await apiErrorOf(() => open(dataDir, clock))
    expect(error.code).toBe('corrupt_database')
    expect(error.message).toContain('is missing')
    expect(existsSync(databasePath(dataDir))).toBe(false)
  })

  it('the backups alone are evidence enough (a library made before the marker existed)', async () => {
    const clock = testClock()
    const dataDir = await libraryWithNotes(clock)
    rmSync(join(dataDir, LIBRARY_MARKER_FILE))
    truncateSync(databasePath(dataDir), 0)
    const error = await apiErrorOf(() => open(dataDir, clock))
    expect(error.message).toMatch(/backups? (is|are) in its backups folder/)
  })

  it('a new library only on the explicit choice: the empty file is kept aside, backups stay', async () => {
    const clock = testClock()
    const dataDir = await libraryWithNotes(clock)
    truncateSync(databasePath(dataDir), 0)
    const backups = listBackups(dataDir).map((b) => b.fileName)
    const fresh = open(dataDir, clock, true)
    expect(libraryInternals(fresh).db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({
      n: 0
    })
    fresh.close()
    const keptAside = readdirSync(dataDir).filter((name) => name.includes('.damaged-'))
    expect(keptAside).toHaveLength(1)
    expect(statSync(join(dataDir, keptAside[0] ?? '')).size).toBe(0)
    expect(listBackups(dataDir).map((b) => b.fileName)).toEqual(expect.arrayContaining(backups))
    // From now on this is the library: it opens without a question.
    open(dataDir, clock).close()
  })

  it('a first run in an empty folder still creates the library, and marks the folder', () => {
    const dataDir = tempDir()
    open(dataDir, testClock()).close()
    expect(existsSync(join(dataDir, LIBRARY_MARKER_FILE))).toBe(true)
  })

  it('a library made before the marker existed gets one when it opens', async () => {
    const clock = testClock()
    const dataDir = await libraryWithNotes(clock)
    rmSync(join(dataDir, LIBRARY_MARKER_FILE))
    open(dataDir, clock).close()
    expect(existsSync(join(dataDir, LIBRARY_MARKER_FILE))).toBe(true)
  })
})
