import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/core'
import type { Handlers } from '../../src/main/core'
import { libraryInternals } from '../../src/main/core/library'
import { MODULES } from '../../src/main/core/modules'
import { MAX_ERROR_MESSAGE_CHARS } from '../../src/main/core/api/dispatch'
import { CHANNELS } from '../../src/shared/api'
import { call, openTestLibrary, tempDir, writeBuiltinArticle, HOUR } from './helpers'

const SHIPPED_RESOURCES = resolve(__dirname, '../../resources')

/** module → imported_at, as recorded in content_imports. */
function importTimes(library: Parameters<typeof libraryInternals>[0]): Record<string, string> {
  const rows = libraryInternals(library)
    .db.prepare('SELECT module, imported_at FROM content_imports ORDER BY module')
    .all() as { module: string; imported_at: string }[]
  return Object.fromEntries(rows.map((row) => [row.module, row.imported_at]))
}

describe('the module list', () => {
  it('handles every contract channel exactly once, in modules named after their folders', () => {
    const { library } = openTestLibrary()
    expect(Object.keys(library.handlers).sort()).toEqual([...CHANNELS].sort())
    const names = MODULES.modules.map((module) => module.name)
    expect(new Set(names).size).toBe(names.length)
  })

  it('builds each module after the modules it needs', () => {
    const seen = new Set<string>()
    for (const module of MODULES.modules) {
      for (const need of module.needs) expect(seen, `${module.name} needs ${need}`).toContain(need)
      seen.add(module.name)
    }
  })
})

describe('built-in content is imported only when it changed', () => {
  it('imports every shipped module on the first run and none on an unchanged reopen', async () => {
    const first = openTestLibrary({ resourcesDir: SHIPPED_RESOURCES })
    const firstRun = importTimes(first.library)
    expect(Object.keys(firstRun).sort()).toEqual([
      'articles',
      'atlas',
      'diagrams',
      'handouts',
      'search'
    ])
    const articles = await call(first.library, 'articles:list', {})
    first.clock.advance(HOUR)
    const second = first.reopen()
    expect(importTimes(second.library)).toEqual(firstRun)
    // Unchanged content, unchanged library: the skipped import lost nothing.
    expect(await call(second.library, 'articles:list', {})).toEqual(articles)
    expect((await call(second.library, 'atlas:muscles', {})).length).toBeGreaterThan(40)
  })

  it('imports again only the modules whose shipped files changed', async () => {
    const resourcesDir = tempDir('pointbook-resources-')
    writeBuiltinArticle(resourcesDir, { id: 'dry-needling', title: 'Dry needling' })
    const first = openTestLibrary({ resourcesDir })
    const before = importTimes(first.library)
    first.clock.advance(HOUR)
    writeBuiltinArticle(resourcesDir, {
      id: 'dry-needling',
      title: 'Dry needling, revised',
      contentVersion: 2
    })
    const second = first.reopen()
    const after = importTimes(second.library)
    // The diagrams module reads the articles folder too (which drawings are expected).
    expect(after['articles']).not.toBe(before['articles'])
    expect(after['diagrams']).not.toBe(before['diagrams'])
    expect(after['handouts']).toBe(before['handouts'])
    expect(after['atlas']).toBe(before['atlas'])
    expect((await call(second.library, 'articles:get', { id: 'dry-needling' })).title).toBe(
      'Dry needling, revised'
    )
  })

  it('a file added to a module folder triggers its import; a bad file is a warning', async () => {
    const resourcesDir = tempDir('pointbook-resources-')
    writeBuiltinArticle(resourcesDir, { id: 'a' })
    const warnings: string[] = []
    const first = openTestLibrary({ resourcesDir, warnings })
    const recorded = importTimes(first.library)
    // A file that cannot be read as an article is a warning, and the rest is imported.
    writeFileSync(join(resourcesDir, 'content', 'articles', 'broken.md'), '---\nid: [\n---\n')
    first.clock.advance(HOUR)
    const second = first.reopen()
    expect(importTimes(second.library)['articles']).not.toBe(recorded['articles'])
    expect(warnings.some((w) => w.includes('broken.md'))).toBe(true)
  })
})

describe('dispatch errors', () => {
  const logged: string[] = []
  const log = (message: string): void => {
    logged.push(message)
  }

  it('reports an output the contract refuses as internal (the core is at fault) and logs it', async () => {
    logged.length = 0
    const handlers = { 'app:info': () => ({ version: 42 }) } as unknown as Handlers
    const result = await dispatch(handlers, 'app:info', {}, log)
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong. Nothing was changed.' }
    })
    expect(logged).toEqual([expect.stringContaining('app:info')])
  })

  it('never echoes a long input back in an error message', async () => {
    const { library } = openTestLibrary()
    const pasted = 'LI4 '.repeat(5_000)
    const missing = await library.call('acupoints:get', { code: pasted.slice(0, 60) })
    expect(missing.ok).toBe(false)
    if (!missing.ok) expect(missing.error.message.length).toBeLessThan(120)
    const tooLong = await library.call('search:query', { q: pasted })
    expect(tooLong.ok).toBe(false)
    if (!tooLong.ok) {
      expect(tooLong.error.code).toBe('invalid_input')
      expect(tooLong.error.message.length).toBeLessThanOrEqual(MAX_ERROR_MESSAGE_CHARS)
      expect(tooLong.error.message).not.toContain('LI4 LI4 LI4')
    }
  })
})
