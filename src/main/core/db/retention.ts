/**
 * Which backups to keep: generations (grandfather-father-son), so a problem found weeks later
 * still has a copy from before it, and a guard so an emptied library can never rotate out the
 * last copy of the clinic's work. Pure: the caller lists the files and deletes what this returns
 * (docs/data-safety.md, "Retention").
 */

export const KEEP_DAILY = 7
export const KEEP_WEEKLY = 4
export const KEEP_MONTHLY = 12
/**
 * Copies made before an upgrade, a restore, a library import or by hand are kept apart, the newest
 * few of each.
 */
export const KEEP_SET_APART = 5

/** The most backups a folder can hold: every generation, and the set-apart reasons' own. */
export const MOST_BACKUPS_KEPT = KEEP_DAILY + KEEP_WEEKLY + KEEP_MONTHLY + 4 * KEEP_SET_APART + 1

/** Reasons whose copies are rotated by generation; the others are set apart. */
const ROTATED_REASONS = new Set(['daily', 'pre-import'])

export interface RetainedBackup {
  readonly fileName: string
  /** ISO timestamp. */
  readonly createdAt: string
  readonly reason: string
  /** clinicWork() of what the copy holds, or null when it is not known. */
  readonly work: number | null
}

const DAY_MS = 24 * 60 * 60 * 1000

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The backups to delete, given every backup (any order) and how much clinic work the live
 * library holds now. Kept: the newest backup of each of the last 7 days that have one, of the
 * last 4 weeks, of the last 12 months; the newest 5 of each set-apart reason; the newest backup
 * overall; and, while the live library holds less clinic work than it, the newest backup that
 * holds the most (so a month of an emptied library cannot push out the full one). A backup
 * whose contents are unknown is never the reason another is deleted: it is kept only by age.
 */
export function backupsToDelete(
  backups: readonly RetainedBackup[],
  liveWork: number | null
): string[] {
  const newestFirst = [...backups].sort((a, b) =>
    a.createdAt === b.createdAt
      ? compare(b.fileName, a.fileName)
      : compare(b.createdAt, a.createdAt)
  )
  const keep = new Set<string>()
  const newest = newestFirst[0]
  if (newest) keep.add(newest.fileName)

  const rotated = newestFirst.filter((b) => ROTATED_REASONS.has(b.reason))
  keepNewestPerBucket(rotated, dayBucket, KEEP_DAILY, keep)
  keepNewestPerBucket(rotated, weekBucket, KEEP_WEEKLY, keep)
  keepNewestPerBucket(rotated, monthBucket, KEEP_MONTHLY, keep)

  const setApart = new Map<string, number>()
  for (const backup of newestFirst) {
    if (ROTATED_REASONS.has(backup.reason)) continue
    const kept = setApart.get(backup.reason) ?? 0
    if (kept < KEEP_SET_APART) keep.add(backup.fileName)
    setApart.set(backup.reason, kept + 1)
  }

  const fullest = fullestBackup(newestFirst)
  if (fullest && (liveWork === null || liveWork < (fullest.work ?? 0))) keep.add(fullest.fileName)

  return newestFirst.filter((b) => !keep.has(b.fileName)).map((b) => b.fileName)
}

/** The newest of the backups that hold the most clinic work (none when no backup holds any). */
function fullestBackup(newestFirst: readonly RetainedBackup[]): RetainedBackup | null {
  let best: RetainedBackup | null = null
  for (const backup of newestFirst) {
    if ((backup.work ?? 0) > (best?.work ?? 0)) best = backup
  }
  return best
}

function keepNewestPerBucket(
  newestFirst: readonly RetainedBackup[],
  bucketOf: (createdAt: string) => number,
  buckets: number,
  keep: Set<string>
): void {
  const seen = new Set<number>()
  for (const backup of newestFirst) {
    const bucket = bucketOf(backup.createdAt)
    if (seen.has(bucket)) continue
    if (seen.size === buckets) return
    seen.add(bucket)
    keep.add(backup.fileName)
  }
}

const dayBucket = (createdAt: string): number => Math.floor(Date.parse(createdAt) / DAY_MS)
// 1970-01-01 was a Thursday: shifting by 3 days makes each bucket run Monday to Sunday (UTC).
const weekBucket = (createdAt: string): number =>
  Math.floor((Date.parse(createdAt) / DAY_MS + 3) / 7)
const monthBucket = (createdAt: string): number => {
  const date = new Date(createdAt)
  return date.getUTCFullYear() * 12 + date.getUTCMonth()
}
