import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/shared/api'
import { DISK_WRITE_FAILED_MESSAGE, diskWriteApiError } from '../../src/main/core/api/disk-errors'
import { dispatch } from '../../src/main/core/api/dispatch'
import type { Handlers } from '../../src/main/core/api/handlers'
import { openSqliteMemory } from '../../src/main/core/db/sqlite'

const sqliteError = (code: string, message = 'disk I/O error'): Error =>
  Object.assign(new Error(message), { code })

/** SQLite's own error for a full disk: a database that may not grow past its size. */
function realDiskFullError(): unknown {
  const db = openSqliteMemory()
  try {
    db.exec('CREATE TABLE t (x)')
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`)
    db.prepare('INSERT INTO t VALUES (randomblob(100000))').run()
  } catch (error) {
    return error
  } finally {
    db.close()
  }
  throw new Error('max_page_count did not make the insert fail')
}

describe('disk write errors (D3)', () => {
  it('maps a full disk and failed writes to io_error with a sentence the clinic can act on', () => {
    for (const error of [
      realDiskFullError(),
      sqliteError('SQLITE_IOERR'),
      sqliteError('SQLITE_IOERR_WRITE'),
      sqliteError('SQLITE_IOERR_FSYNC')
    ]) {
      const mapped = diskWriteApiError(error)
      expect(mapped).toBeInstanceOf(ApiError)
      expect(mapped?.toData()).toEqual({ code: 'io_error', message: DISK_WRITE_FAILED_MESSAGE })
    }
  })

  it('leaves every other error alone', () => {
    for (const error of [
      sqliteError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed'),
      sqliteError('SQLITE_CORRUPT', 'database disk image is malformed'),
      new Error('disk is full'),
      new ApiError('conflict', 'Changed elsewhere.'),
      'SQLITE_FULL'
    ]) {
      expect(diskWriteApiError(error)).toBeNull()
    }
  })

  it('dispatch reports a full disk as io_error, and still logs it', async () => {
    const thrown = realDiskFullError()
    const handlers = {
      'articles:tags': () => {
        throw thrown
      }
    } as unknown as Handlers
    const logged: unknown[] = []
    const result = await dispatch(handlers, 'articles:tags', {}, (_message, error) =>
      logged.push(error)
    )
    expect(result).toEqual({
      ok: false,
      error: { code: 'io_error', message: DISK_WRITE_FAILED_MESSAGE }
    })
    expect(logged).toEqual([thrown])
  })

  it('dispatch still reports other unexpected errors as internal', async () => {
    const handlers = {
      'articles:tags': () => {
        throw sqliteError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed')
      }
    } as unknown as Handlers
    const result = await dispatch(handlers, 'articles:tags', {}, () => {})
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
  })
})
