import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { call, openTestLibrary } from './helpers'
import { fakePorts } from './handouts-fixtures'

const RESOURCES = resolve(__dirname, '../../resources')

describe('printing right after a reopen, before the deferred integrity check', () => {
  it('prints and logs the job (the write waits for the check instead of failing)', async () => {
    const { ports, printed } = fakePorts()
    const first = openTestLibrary({ resourcesDir: RESOURCES, extra: { platform: ports } })
    // The library of the built-ins is larger than 1 MB: its full check is left for later.
    const reopened = first.reopen()
    const result = await call(reopened.library, 'handouts:print', {
      items: [{ id: 'after-ims', lang: 'en' }],
      paper: 'letter',
      largePrint: false,
      copies: 1
    })
    expect(printed).toHaveLength(1)
    expect(result.status).toBe('printed')
    expect(result.logId).not.toBeNull()
    expect(await call(reopened.library, 'printLog:list', {})).toHaveLength(1)
  }, 120_000)
})
