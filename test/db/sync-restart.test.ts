/**
 * A library that shares on the clinic network, opened again (docs/clinic-network.md, "Status"): a
 * large library closed cleanly opens before its full integrity check, query-only until its first
 * write runs it (docs/data-safety.md). The sync module, which starts with the library, must not
 * write before that: it did (marking the replica started), and such a library could not open.
 */
import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { databasePath } from '../../src/main/core'
import { FULL_CHECK_AT_START_MAX_BYTES } from '../../src/main/core/db/open-database'
import { call, draft } from './helpers'
import { exchange, openHub, openRoom } from './sync-fixtures'

const SHIPPED_RESOURCES = resolve(__dirname, '../../resources')

describe('a large library that shares, opened again', () => {
  it('opens before its full check, then sends and receives as before', async () => {
    const hub = openHub()
    const room = openRoom({ resourcesDir: SHIPPED_RESOURCES })
    await call(room.library, 'articles:create', draft('Saved while sharing'))
    await exchange(room, hub)
    // Closed before this save is in the replica: its outbox row waits for the next start.
    const waiting = await call(room.library, 'articles:create', draft('Saved before the restart'))
    await room.close()
    // The built-in content makes it larger than the size that is always checked at start.
    expect(statSync(databasePath(room.dataDir)).size).toBeGreaterThan(FULL_CHECK_AT_START_MAX_BYTES)

    // Opens; the start sends what waited (the first write, so after the full check).
    const again = openRoom({ dataDir: room.dataDir, resourcesDir: SHIPPED_RESOURCES })
    await exchange(again, hub)
    expect(again.sync.status().state).not.toBe('error')
    expect((await hub.get<{ title: string }>(`article:${waiting.id}`)).title).toBe(
      'Saved before the restart'
    )
    const saved = await call(again.library, 'articles:create', draft('Saved after the restart'))
    await exchange(again, hub)
    expect((await hub.get<{ title: string }>(`article:${saved.id}`)).title).toBe(
      'Saved after the restart'
    )
  })
})
