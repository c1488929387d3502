import { describe, expect, it } from 'vitest'
import { listBackups } from '../../src/main/core'
import { backupContent } from '../../src/main/core/db/backups'
import { libraryInternals } from '../../src/main/core/library'
import { DAY, call, openTestLibrary, testClock } from './helpers'

describe('a year of daily backups with a month of an emptied library (real files)', () => {
  it('still holds a backup with the clinic’s notes at the end of the empty month', async () => {
    const clock = testClock('2025-01-06T08:00:00.000Z')
    const { library, dataDir } = openTestLibrary({ clock })
    const backups = libraryInternals(library).services.backups
    const ids: string[] = []
    for (const body of ['Neck: C5-C6 stiff', 'Ask about blood thinners', 'Likes the heat lamp']) {
      ids.push((await call(library, 'notes:create', { target: null, body })).id)
    }
    const mostNotesInABackup = (): number =>
      Math.max(...listBackups(dataDir).map((b) => backupContent(b)?.notes ?? 0))
    for (let day = 1; day <= 365; day++) {
      clock.advance(DAY)
      if (day === 200) {
        // Someone empties the library; it stays empty for a month, then work starts again.
        for (const id of ids) await call(library, 'notes:delete', { id })
      }
      if (day === 231) await call(library, 'notes:create', { target: null, body: 'New start' })
      backups.backUpIfDue()
      if (day >= 200) expect(mostNotesInABackup(), `day ${day}`).toBe(3)
    }
    expect(listBackups(dataDir).length).toBeLessThanOrEqual(7 + 4 + 12 + 1)
  }, 300_000)
})
