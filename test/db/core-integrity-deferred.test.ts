/**
 * The library's side of the deferred integrity check (docs/data-safety.md): a large library that
 * was closed cleanly opens before its full check; the first write (or verifyIntegrity(), which the
 * shell calls after the first screen) runs it, and a damaged file is never written to.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs'
import { resolve } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { databasePath, openLibrary } from '../../src/main/core'
import { apiErrorOf, call, draft, openTestLibrary, sha256File, tempDir } from './helpers'

const SHIPPED_RESOURCES = resolve(__dirname, '../../resources')

/** A leaf page of the search documents, in the middle of the file. */
function searchLeafPage(path: string): number {
  const db = new Database(path, { readonly: true })
  try {
    const pages = db
      .prepare("SELECT pageno FROM dbstat WHERE name = 'search_docs' AND pagetype = 'leaf'")
      .pluck()
      .all() as number[]
    return pages[Math.floor(pages.length / 2)] as number
  } finally {
    db.close()
  }
}

function damagePage(path: string, page: number): void {
  const pageSize = readFileSync(path).readUInt16BE(16)
  const fd = openSync(path, 'r+')
  writeSync(fd, Buffer.alloc(200, 0xab), 0, 200, pageSize * (page - 1))
  closeSync(fd)
}

describe('a large library checked after the first screen', () => {
  it('opens, refuses the first write of a damaged file and leaves it byte for byte', async () => {
    // The built-in content alone makes a library of a few MB (over the 1 MB always checked).
    const first = openTestLibrary({ dataDir: tempDir(), resourcesDir: SHIPPED_RESOURCES })
    first.library.close()
    const path = databasePath(first.dataDir)
    damagePage(path, searchLeafPage(path))
    const damaged = sha256File(path)

    const second = first.reopen()
    const error = await apiErrorOf(call(second.library, 'articles:create', draft('New')))
    expect(error.code).toBe('corrupt_database')
    expect(second.library.verifyIntegrity()).toBe('damaged')
    second.library.close()
    expect(sha256File(path)).toBe(damaged)

    // The shell's restart after the warning: checked in full before it opens, so the start-up
    // recovery (offer the backup) takes over.
    const atStart = await apiErrorOf(() =>
      openLibrary({
        dataDir: first.dataDir,
        resourcesDir: SHIPPED_RESOURCES,
        warn: () => undefined,
        integrityCheck: 'at-start'
      })
    )
    expect(atStart.code).toBe('corrupt_database')
    expect(sha256File(path)).toBe(damaged)
  })

  it('an intact library verifies and then saves as usual', async () => {
    const first = openTestLibrary({ dataDir: tempDir(), resourcesDir: SHIPPED_RESOURCES })
    const second = first.reopen()
    expect(second.library.verifyIntegrity()).toBe('verified')
    const saved = await call(second.library, 'articles:create', draft('Saved after the check'))
    expect(saved.title).toBe('Saved after the check')
  })
})
