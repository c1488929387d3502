import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { libraryInternals } from '../../src/main/core/library'
import { call, HOUR, openTestLibrary, tempDir, writeBuiltinArticle } from './helpers'

type Opened = ReturnType<typeof openTestLibrary>

/** module → [fingerprint, imported_at], as recorded in content_imports. */
function recorded(opened: Opened): Record<string, [string, string]> {
  const rows = libraryInternals(opened.library)
    .db.prepare('SELECT module, fingerprint, imported_at FROM content_imports')
    .all() as { module: string; fingerprint: string; imported_at: string }[]
  return Object.fromEntries(rows.map((row) => [row.module, [row.fingerprint, row.imported_at]]))
}

function articleFile(resourcesDir: string): string {
  return join(resourcesDir, 'content', 'articles', 'dry-needling.md')
}

describe('the stat shortcut of the built-in content check', () => {
  it('imports nothing when the files were only touched, and remembers their new stat', () => {
    const resourcesDir = tempDir('pointbook-resources-')
    writeBuiltinArticle(resourcesDir, { id: 'dry-needling', title: 'Dry needling' })
    const first = openTestLibrary({ resourcesDir })
    const before = recorded(first)
    first.clock.advance(HOUR)
    const later = new Date(Date.now() + 60_000)
    utimesSync(articleFile(resourcesDir), later, later)
    const second = first.reopen()
    const after = recorded(second)
    expect(after['articles']?.[1]).toBe(before['articles']?.[1])
    // Same content hash, new stat signature.
    expect(after['articles']?.[0].split(' ')[0]).toBe(before['articles']?.[0].split(' ')[0])
    expect(after['articles']?.[0]).not.toBe(before['articles']?.[0])
    second.clock.advance(HOUR)
    expect(recorded(second.reopen())).toEqual(after)
  })

  it('imports a change of the same size whose modification time was set back', async () => {
    const resourcesDir = tempDir('pointbook-resources-')
    writeBuiltinArticle(resourcesDir, { id: 'dry-needling', title: 'Dry needling, first' })
    const path = articleFile(resourcesDir)
    // A whole second, so setting it back restores the modification time to the nanosecond.
    const when = new Date('2026-01-01T00:00:00Z')
    utimesSync(path, when, when)
    const { mtimeNs, size } = statSync(path, { bigint: true })
    const first = openTestLibrary({ resourcesDir })
    const before = recorded(first)
    first.clock.advance(HOUR)
    writeFileSync(path, readFileSync(path, 'utf8').replace('first', 'fixed'))
    utimesSync(path, when, when)
    expect(statSync(path, { bigint: true }).size).toBe(size)
    expect(statSync(path, { bigint: true }).mtimeNs).toBe(mtimeNs)
    const second = first.reopen()
    expect(recorded(second)['articles']?.[1]).not.toBe(before['articles']?.[1])
    expect((await call(second.library, 'articles:get', { id: 'dry-needling' })).title).toBe(
      'Dry needling, fixed'
    )
  })

  it('reads a fingerprint recorded before the shortcut (the hash alone) without importing', () => {
    const resourcesDir = tempDir('pointbook-resources-')
    writeBuiltinArticle(resourcesDir, { id: 'dry-needling' })
    const first = openTestLibrary({ resourcesDir })
    const before = recorded(first)
    libraryInternals(first.library)
      .db.prepare('UPDATE content_imports SET fingerprint = substr(fingerprint, 1, 64)')
      .run()
    first.clock.advance(HOUR)
    const after = recorded(first.reopen())
    for (const [module, [fingerprint, importedAt]] of Object.entries(before)) {
      expect(after[module], module).toEqual([fingerprint, importedAt])
    }
  })
})
