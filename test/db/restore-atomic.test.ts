import { spawn } from 'node:child_process'
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
  writeSync
} from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { databasePath, listBackups, openLibrary } from '../../src/main/core'
import { checkDatabaseFile } from '../../src/main/core/db/integrity'
import { keptAsideFiles, restoreBackup } from '../../src/main/core/db/restore'
import type { RestoreStep } from '../../src/main/core/db/restore'
import {
  DAY,
  apiErrorOf,
  call,
  draft,
  openTestLibrary,
  sha256File,
  tempDir,
  testClock
} from './helpers'

const ROOT = resolve(__dirname, '../..')
const PROBE = join(__dirname, 'probes', 'restore-probe.ts')
const STEPS: readonly RestoreStep[] = ['copied', 'checked', 'set-aside', 'journals-removed']
/** Far above what a probe needs on a loaded machine; never a speed target. */
const PROBE_TEST_TIMEOUT_MS = 600_000

/**
 * A library whose file is damaged, with a -wal beside it and a good backup holding one article.
 * Returns the folder and the backup to restore.
 */
async function damagedLibrary(): Promise<{ dataDir: string; backupName: string }> {
  const clock = testClock()
  const first = openTestLibrary({ clock })
  await call(first.library, 'articles:create', draft('Kept in the backup'))
  clock.advance(DAY)
  const second = first.reopen()
  second.library.close()
  const path = databasePath(first.dataDir)
  const pageSize = readFileSync(path).readUInt16BE(16)
  const fd = openSync(path, 'r+')
  writeSync(fd, Buffer.alloc(300, 0xab), 0, 300, pageSize * 2)
  closeSync(fd)
  writeFileSync(`${path}-wal`, 'frames of the damaged library')
  const backupName = listBackups(first.dataDir)[0]?.fileName ?? ''
  return { dataDir: first.dataDir, backupName }
}

/** Every file in the folder (and below) with its hash: "exactly as it was". */
function folderState(dataDir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dataDir, { recursive: true, encoding: 'utf8' })
      .filter((name) => statSync(join(dataDir, name)).isFile())
      .sort()
      .map((name) => [name, sha256File(join(dataDir, name))])
  )
}

const backupOf = (dataDir: string, fileName: string) => {
  const backup = listBackups(dataDir).find((b) => b.fileName === fileName)
  if (!backup) throw new Error(`no backup ${fileName}`)
  return backup
}

function runProbe(
  dataDir: string,
  backupName: string,
  killAfter: string,
  fileSizeLimitBlocks?: number
): Promise<{ signal: string | null; stdout: string }> {
  const node = [process.execPath, '--require', 'tsx/cjs', PROBE, dataDir, backupName, killAfter]
  const child =
    fileSizeLimitBlocks === undefined
      ? spawn(node[0] as string, node.slice(1), { cwd: ROOT })
      : spawn(
          '/bin/sh',
          ['-c', 'ulimit -f "$1" && shift && exec "$@"', 'sh', `${fileSizeLimitBlocks}`, ...node],
          { cwd: ROOT }
        )
  let stdout = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  return new Promise((done, fail) => {
    child.on('error', fail)
    child.on('close', (_code, signal) => done({ signal, stdout }))
  })
}

describe('restore is all or nothing', () => {
  for (const step of STEPS) {
    it(`a failure after "${step}" leaves the folder exactly as it was, with a clear sentence`, async () => {
      const { dataDir, backupName } = await damagedLibrary()
      const before = folderState(dataDir)
      const error = await apiErrorOf(() =>
        restoreBackup(dataDir, backupOf(dataDir, backupName), {
          afterStep: (at) => {
            if (at === step) throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
          }
        })
      )
      expect(error.code).toBe('io_error')
      expect(error.message).toContain('the disk is full')
      expect(error.message).toContain('left exactly as it was')
      expect(error.message).not.toMatch(/ENOSPC|EISDIR|SQLITE_/)
      expect(folderState(dataDir)).toEqual(before)
    })
  }

  it('a backup that cannot be read (a folder where the file should be) changes nothing', async () => {
    const { dataDir, backupName } = await damagedLibrary()
    const backup = backupOf(dataDir, backupName)
    const broken = { ...backup, path: join(dataDir, 'backups', 'not-a-file') }
    mkdirSync(broken.path)
    const before = folderState(dataDir)
    const error = await apiErrorOf(() => restoreBackup(dataDir, broken))
    expect(error.message).toContain('a folder is in the way')
    expect(error.message).not.toContain('EISDIR')
    expect(folderState(dataDir)).toEqual(before)
  })

  it(
    'a full disk while copying the backup back (ulimit -f) changes nothing',
    async () => {
      const { dataDir, backupName } = await damagedLibrary()
      const before = folderState(dataDir)
      const size = statSync(backupOf(dataDir, backupName).path).size
      // A limit below the backup's size: the copy fails part-way with EFBIG.
      const result = await runProbe(dataDir, backupName, '-', Math.floor(size / 2 / 1024))
      const output = JSON.parse(result.stdout) as { ok: boolean; code?: string; message?: string }
      expect(output.ok).toBe(false)
      expect(output.code).toBe('io_error')
      expect(output.message).toContain('left exactly as it was')
      expect(output.message).toContain('does not allow a file this large')
      expect(folderState(dataDir)).toEqual(before)
    },
    PROBE_TEST_TIMEOUT_MS
  )

  it(
    'a kill after any step loses nothing: the damaged bytes are kept and the next try restores',
    async () => {
      for (const step of [...STEPS, 'swapped']) {
        const { dataDir, backupName } = await damagedLibrary()
        const path = databasePath(dataDir)
        const damaged = sha256File(path)
        const damagedWal = sha256File(`${path}-wal`)
        const result = await runProbe(dataDir, backupName, step)
        expect(result.signal, step).toBe('SIGKILL')
        // The damaged library is still in its place or kept aside, byte for byte.
        const copies = [path, ...keptAsideFiles(dataDir)].filter((p) => existsSync(p))
        const hashes = copies.map((p) => sha256File(p))
        expect(hashes.includes(damaged) || checkDatabaseFile(path).ok, step).toBe(true)
        const wals = copies.map((p) => `${p}-wal`).filter((p) => existsSync(p))
        if (step !== 'copied' && step !== 'checked') {
          expect(
            wals.map((p) => sha256File(p)),
            step
          ).toContain(damagedWal)
        }
        // Whatever the step, the library opens restored (now or after one more restore).
        if (!checkDatabaseFile(path).ok || existsSync(`${path}-wal`)) {
          restoreBackup(dataDir, backupOf(dataDir, backupName))
        }
        const library = openLibrary({ dataDir, resourcesDir: tempDir(), warn: () => undefined })
        const titles = (await call(library, 'articles:list', {})).map((a) => a.title)
        library.close()
        expect(titles, step).toContain('Kept in the backup')
        expect(existsSync(`${path}.restoring`), step).toBe(false)
      }
    },
    PROBE_TEST_TIMEOUT_MS
  )
})
