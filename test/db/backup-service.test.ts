import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listBackups } from '../../src/main/core'
import { libraryInternals } from '../../src/main/core/library'
import { DAY, apiErrorOf, call, draft, openTestLibrary, tempDir, testClock } from './helpers'

/** A library whose platform can restart (as the shell can) and pick a folder. */
function openWithPlatform(options: { dataDir?: string; folder?: string | null } = {}) {
  const restarts: number[] = []
  const clock = testClock()
  const opened = openTestLibrary({
    clock,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    extra: {
      platform: {
        restart: () => restarts.push(1),
        chooseFolder: async () => (options.folder === undefined ? tempDir() : options.folder)
      }
    }
  })
  return { ...opened, restarts }
}

describe('backups through the core (Settings → Backups)', () => {
  it('restore: backs up first, asks for a restart, and the next start puts the backup in place', async () => {
    const opened = openWithPlatform()
    const [daily] = listBackups(opened.dataDir)
    await call(opened.library, 'articles:create', draft('Written after the daily backup'))
    const answer = await call(opened.library, 'backups:restore', {
      fileName: daily?.fileName ?? ''
    })
    expect(answer).toEqual({ restarting: true })
    expect(opened.restarts).toHaveLength(1)
    expect(listBackups(opened.dataDir).map((b) => b.reason)).toContain('pre-restore')

    const next = opened.reopen()
    const titles = (await call(next.library, 'articles:list', {})).map((a) => a.title)
    expect(titles).not.toContain('Written after the daily backup')
    const status = await call(next.library, 'backups:status', {})
    expect(status.lastRestore).toMatchObject({ ok: true })
    expect(status.lastRestore?.message).toMatch(/was restored\. It holds 0 notes/)
    // The library as it was just before is in the pre-restore backup.
    expect(existsSync(join(opened.dataDir, 'restore-request.json'))).toBe(false)
  })

  it('refuses an unknown or damaged backup and changes nothing', async () => {
    const opened = openWithPlatform()
    const unknown = await apiErrorOf(() =>
      call(opened.library, 'backups:restore', {
        fileName: 'pointbook-2020-01-01T00-00-00.000Z-daily.sqlite'
      })
    )
    expect(unknown.code).toBe('not_found')
    const [daily] = listBackups(opened.dataDir)
    writeFileSync(daily?.path ?? '', 'not a database any more')
    const damaged = await apiErrorOf(() =>
      call(opened.library, 'backups:restore', { fileName: daily?.fileName ?? '' })
    )
    expect(damaged.code).toBe('corrupt_database')
    expect(damaged.message).toContain('Nothing was changed')
    expect(opened.restarts).toHaveLength(0)
    expect(listBackups(opened.dataDir).map((b) => b.reason)).not.toContain('pre-restore')
  })

  it('a name that is not a backup’s is refused by the contract (no path tricks)', async () => {
    const opened = openWithPlatform()
    for (const fileName of ['../pointbook.sqlite', '/etc/passwd', 'pointbook.sqlite']) {
      const error = await apiErrorOf(() => call(opened.library, 'backups:saveCopy', { fileName }))
      expect(error.code).toBe('invalid_input')
    }
  })

  it('a second folder receives every backup, and is kept to the same generations', async () => {
    const second = tempDir('pointbook-second-')
    const opened = openWithPlatform({ folder: second })
    expect(await call(opened.library, 'backups:chooseSecondFolder', {})).toEqual({
      secondFolder: second
    })
    const made = await call(opened.library, 'backups:create', {})
    expect(made.secondFolderProblem).toBeNull()
    expect(readdirSync(second)).toEqual(
      expect.arrayContaining([made.backup.fileName, `${made.backup.fileName}.json`])
    )
    const backups = libraryInternals(opened.library).services.backups
    for (let day = 0; day < 40; day++) {
      opened.clock.advance(DAY)
      backups.backUpIfDue()
    }
    const inSecond = readdirSync(second).filter((name) => name.endsWith('.sqlite'))
    expect(inSecond.length).toBeLessThanOrEqual(7 + 4 + 12 + 5)
    expect(inSecond).toContain(listBackups(opened.dataDir)[0]?.fileName)
    const status = await call(opened.library, 'backups:status', {})
    expect(status.lastFailure).toBeNull()
    expect(status.newestAgeHours).toBe(0)
  })

  it('a read-only library makes no backup and restores nothing', async () => {
    const first = openWithPlatform()
    const other = openWithPlatform({ dataDir: first.dataDir })
    expect(other.library.info().readOnly).toBe(true)
    const error = await apiErrorOf(() => call(other.library, 'backups:create', {}))
    expect(error.code).toBe('read_only')
    const [daily] = listBackups(first.dataDir)
    const refused = await apiErrorOf(() =>
      call(other.library, 'backups:restore', { fileName: daily?.fileName ?? '' })
    )
    expect(refused.code).toBe('read_only')
    expect((await call(other.library, 'backups:status', {})).readOnly).toBe(true)
  })
})
