import { describe, expect, it } from 'vitest'
import {
  assertSqliteSupported,
  compareVersions,
  readSqliteCapabilities
} from '../../src/main/core/db/sqlite-requirements'
import { openSqliteMemory } from '../../src/main/core/db/sqlite'

describe('SQLite requirements (D1)', () => {
  it('compares dotted versions', () => {
    expect(compareVersions('3.51.3', '3.51.3')).toBe(0)
    expect(compareVersions('3.51.2', '3.51.3')).toBeLessThan(0)
    expect(compareVersions('3.53', '3.51.3')).toBeGreaterThan(0)
  })

  it('refuses an old SQLite or one without FTS5, with a clear message', () => {
    expect(() => assertSqliteSupported({ version: '3.51.2', hasFts5: true })).toThrow(
      /SQLite 3\.51\.2, but it needs 3\.51\.3 or later/
    )
    expect(() => assertSqliteSupported({ version: '3.53.0', hasFts5: false })).toThrow(/FTS5/)
  })

  it('accepts the SQLite this build ships', () => {
    const db = openSqliteMemory()
    const capabilities = readSqliteCapabilities(db)
    db.close()
    expect(capabilities.hasFts5).toBe(true)
    expect(() => assertSqliteSupported(capabilities)).not.toThrow()
  })
})
