import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { onTestFinished, describe, expect, it } from 'vitest'
import { databasePath } from '../../src/main/core'
import { call, draft, openTestLibrary, sha256File } from './helpers'

const ROOT = resolve(__dirname, '../..')
const PROBE = join(__dirname, 'probes', 'read-only-probe.ts')
/** root ignores file permissions, so as root the probe runs as "nobody" instead. */
const IS_ROOT = process.getuid?.() === 0
const NOBODY = 65534

interface ProbeOutput {
  info: { ok: true; value: { readOnly: boolean; readOnlyReason: string | null } }
  list: { ok: boolean; value?: { id: string }[] }
  search: { ok: boolean; value?: { hits: unknown[] } }
  create: { ok: boolean; error?: { code: string; message: string } }
  delete: { ok: boolean; error?: { code: string; message: string } }
  diagram: { ok: boolean; error?: { code: string; message: string } }
  warnings: string[]
}

function runProbe(dataDir: string, resourcesDir: string): ProbeOutput {
  const child = spawnSync(process.execPath, ['--import', 'tsx', PROBE, dataDir, resourcesDir], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, HOME: '/tmp' },
    ...(IS_ROOT ? { uid: NOBODY, gid: NOBODY } : {})
  })
  if (child.status !== 0) throw new Error(`probe failed: ${child.stdout}\n${child.stderr}`)
  return JSON.parse(child.stdout) as ProbeOutput
}

/** A library with one article, closed, its folder and file set to `dirMode` / `fileMode`. */
async function preparedLibrary(
  dirMode: number,
  fileMode: number
): Promise<{ dataDir: string; resourcesDir: string }> {
  const { library, dataDir, resourcesDir } = openTestLibrary()
  await call(library, 'articles:create', draft('Read only check', 'Something to read.'))
  library.close()
  chmodSync(resourcesDir, 0o755)
  chmodSync(databasePath(dataDir), IS_ROOT ? 0o644 : fileMode)
  chmodSync(dataDir, IS_ROOT ? dirMode | 0o755 : dirMode)
  onTestFinished(() => {
    chmodSync(dataDir, 0o755)
    chmodSync(databasePath(dataDir), 0o644)
  })
  return { dataDir, resourcesDir }
}

describe('a library that cannot be written (D4)', () => {
  it('opens read-only when the folder cannot be written, serves reads and refuses writes', async () => {
    const { dataDir, resourcesDir } = await preparedLibrary(0o555, 0o444)
    const before = sha256File(databasePath(dataDir))
    const out = runProbe(dataDir, resourcesDir)
    expect(out.info.value.readOnly).toBe(true)
    expect(out.info.value.readOnlyReason).toContain(dataDir)
    expect(out.list.value?.map((a) => a.id)).toEqual(['read-only-check'])
    expect(out.search.value?.hits).toHaveLength(1)
    for (const write of [out.create, out.delete, out.diagram]) {
      expect(write.ok).toBe(false)
      expect(write.error?.code).toBe('read_only')
      expect(write.error?.message).toMatch(/read-only, so changes cannot be saved/)
    }
    expect(sha256File(databasePath(dataDir))).toBe(before)
    expect(existsSync(`${databasePath(dataDir)}-wal`)).toBe(false)
  })

  it('opens read-only when only the file is read-only', async () => {
    const { dataDir, resourcesDir } = await preparedLibrary(0o777, 0o444)
    const out = runProbe(dataDir, resourcesDir)
    expect(out.info.value.readOnly).toBe(true)
    expect(out.info.value.readOnlyReason).toContain('pointbook.sqlite')
    expect(out.create.error?.code).toBe('read_only')
  })
})
