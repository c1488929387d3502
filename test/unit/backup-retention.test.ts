import { describe, expect, it } from 'vitest'
import {
  KEEP_DAILY,
  KEEP_MONTHLY,
  KEEP_SET_APART,
  KEEP_WEEKLY,
  backupsToDelete
} from '../../src/main/core/db/retention'
import type { RetainedBackup } from '../../src/main/core/db/retention'

const DAY = 24 * 60 * 60 * 1000
const START = Date.parse('2025-01-01T08:30:00.000Z')

/** The library's clinic work on each day of the year: it grows, is emptied for a month, regrows. */
function workOnDay(day: number): number {
  if (day < 150) return 10 + day
  if (day < 181) return 0 // a month of an emptied library (a bad sync, a wrong "new library")
  return day - 180 // the clinic starts again; it takes months to reach the old size
}

function fileName(at: number, reason: string): string {
  return `pointbook-${new Date(at).toISOString().replace(/:/g, '-')}-${reason}.sqlite`
}

/** One daily start per day for a year: make the backup, then apply the retention rule. */
function simulateYear(): { kept: RetainedBackup[]; history: RetainedBackup[][] } {
  let kept: RetainedBackup[] = []
  const history: RetainedBackup[][] = []
  for (let day = 0; day < 365; day++) {
    const at = START + day * DAY
    const work = workOnDay(day)
    kept.push({
      fileName: fileName(at, 'daily'),
      createdAt: new Date(at).toISOString(),
      reason: 'daily',
      work
    })
    const deleted = new Set(backupsToDelete(kept, work))
    kept = kept.filter((b) => !deleted.has(b.fileName))
    history.push(kept)
  }
  return { kept, history }
}

describe('backup retention (generations, never the last copy of the clinic’s work)', () => {
  it('keeps 7 daily, 4 weekly and 12 monthly copies over a simulated year', () => {
    const { kept } = simulateYear()
    const newest = Date.parse(kept[kept.length - 1]?.createdAt ?? '')
    const ages = kept.map((b) => Math.round((newest - Date.parse(b.createdAt)) / DAY))
    for (let age = 0; age < KEEP_DAILY; age++) expect(ages).toContain(age)
    expect(kept.length).toBeLessThanOrEqual(KEEP_DAILY + KEEP_WEEKLY + KEEP_MONTHLY + 1)
    const months = new Set(kept.map((b) => b.createdAt.slice(0, 7)))
    expect(months.size).toBeGreaterThanOrEqual(KEEP_MONTHLY)
  })

  it('a month of an empty library never rotates out the copy that still holds the work', () => {
    const { history } = simulateYear()
    const fullest = 10 + 149
    for (let day = 150; day < 365; day++) {
      const live = workOnDay(day)
      const best = Math.max(...(history[day] ?? []).map((b) => b.work ?? 0))
      if (live < fullest) expect(best, `day ${day}`).toBe(fullest)
    }
  })

  it('without the guard, generations alone would lose the newest full copy', () => {
    let kept: RetainedBackup[] = []
    for (let day = 0; day < 185; day++) {
      const at = START + day * DAY
      kept.push({
        fileName: fileName(at, 'daily'),
        createdAt: new Date(at).toISOString(),
        reason: 'daily',
        work: workOnDay(day)
      })
      // A live library that looks fuller than any backup turns the guard off.
      const deleted = new Set(backupsToDelete(kept, Number.MAX_SAFE_INTEGER))
      kept = kept.filter((b) => !deleted.has(b.fileName))
    }
    expect(Math.max(...kept.map((b) => b.work ?? 0))).toBeLessThan(10 + 149)
  })

  it('keeps the newest copies made before an upgrade, a restore or by hand apart from the daily ones', () => {
    const backups: RetainedBackup[] = []
    for (let i = 0; i < 9; i++) {
      const at = START + i * DAY
      for (const reason of ['pre-migration', 'manual', 'pre-restore', 'pre-transfer']) {
        backups.push({
          fileName: fileName(at, reason),
          createdAt: new Date(at).toISOString(),
          reason,
          work: 1
        })
      }
    }
    const deleted = new Set(backupsToDelete(backups, 1))
    for (const reason of ['pre-migration', 'manual', 'pre-restore', 'pre-transfer']) {
      const left = backups.filter((b) => b.reason === reason && !deleted.has(b.fileName))
      expect(left).toHaveLength(KEEP_SET_APART)
      expect(left.map((b) => b.createdAt.slice(0, 10))).toContain('2025-01-09')
    }
  })

  it('never deletes the newest backup, and keeps a backup of unknown contents only by age', () => {
    const unknown: RetainedBackup[] = Array.from({ length: 30 }, (_, i) => ({
      fileName: fileName(START + i * DAY, 'daily'),
      createdAt: new Date(START + i * DAY).toISOString(),
      reason: 'daily',
      work: null
    }))
    const deleted = backupsToDelete(unknown, null)
    expect(deleted).not.toContain(unknown[29]?.fileName)
    expect(unknown.length - deleted.length).toBeLessThanOrEqual(
      KEEP_DAILY + KEEP_WEEKLY + KEEP_MONTHLY
    )
    expect(backupsToDelete([], 0)).toEqual([])
  })
})
