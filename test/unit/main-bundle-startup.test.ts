import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLibrary } from '../../src/main/core'
import { FIRST_START_HASH } from '../../src/shared/first-start'
import { bundleLikeMainProcess } from '../support/bundle-for-node'

const ROOT = resolve(__dirname, '../..')
const RESOURCES = join(ROOT, 'resources')
const out = mkdtempSync(join(tmpdir(), 'pointbook-startup-bundle-'))
const dataDir = mkdtempSync(join(tmpdir(), 'pointbook-startup-library-'))
afterAll(() => {
  for (const dir of [out, dataDir]) rmSync(dir, { recursive: true, force: true })
})

interface ProbeOutput {
  readonly warnings: readonly string[]
  readonly startHash: string
  readonly atStart: readonly string[]
  readonly afterList: readonly string[]
  readonly calls: Record<string, unknown>
}

/** Whatever the source answers for the same calls, on the same library. */
async function sourceAnswers(): Promise<Record<string, unknown>> {
  const library = openLibrary({ dataDir, resourcesDir: RESOURCES, platform: { locale: 'en-US' } })
  try {
    return {
      list: await library.call('articles:list', {}),
      badInput: await library.call('articles:get', { id: 42 }),
      unknown: await library.call('articles:nope', {}),
      profile: await library.call('settings:getProfile', {})
    }
  } finally {
    library.close()
  }
}

// The lazy contract and content schemas are a transform of the app's main build
// (electron.vite.config.ts): this checks the bundle, where tests that import the source never
// see it. docs/architecture.md §6.
describe('a reopen in the main bundle', () => {
  let probe: ProbeOutput

  beforeAll(async () => {
    // The first run (migrations, built-in import) by the source; the bundle then reopens it.
    openLibrary({ dataDir, resourcesDir: RESOURCES, platform: { locale: 'en-US' } }).close()
    await bundleLikeMainProcess(
      { probe: join(ROOT, 'test/support/startup-chunks-probe.ts') },
      out,
      ROOT
    )
    const child = spawnSync(process.execPath, [join(out, 'probe.js'), dataDir, RESOURCES], {
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') }
    })
    expect(child.stderr).toBe('')
    probe = JSON.parse(child.stdout) as ProbeOutput
  })

  it('loads no schema, no contract and no importer before the first window', () => {
    expect(probe.warnings).toEqual([])
    // What the source says too: the first-start setup, read without the profile's schema.
    expect(probe.startHash).toBe(FIRST_START_HASH)
    expect(probe.atStart).toEqual([])
  })

  it("loads the first call's domain of the contract, and not the others", () => {
    expect(probe.afterList).toContain('articles')
    for (const other of ['atlas', 'handouts', 'settings', 'transfer', 'builtin-handouts']) {
      expect(probe.afterList).not.toContain(other)
    }
  })

  it('answers as the source does: results, invalid input, unknown channels', async () => {
    expect(probe.calls).toEqual(await sourceAnswers())
    expect(probe.calls['badInput']).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(probe.calls['unknown']).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
  })
})
