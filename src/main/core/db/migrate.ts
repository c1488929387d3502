import { ApiError } from '../../../shared/api/errors'
import type { Db } from './sqlite'
import type { Migration } from './migrations'

export const readUserVersion = (db: Db): number =>
  db.pragma('user_version', { simple: true }) as number

export function newerDatabaseError(found: number, known: number, appVersion: string): ApiError {
  return new ApiError(
    'newer_database',
    `This library was last opened by a newer version of Pointbook (database version ${found}); ` +
      `this copy of Pointbook (${appVersion}) understands database version ${known} at most. ` +
      'Update Pointbook to the latest version to open it. Your library was not changed.'
  )
}

/**
 * Brings the schema up to date. All pending migrations run in ONE transaction: a failure leaves
 * the database exactly as it was. `beforeMigrating` runs first (outside the transaction, because
 * a backup cannot be made inside one) and only when there is something to migrate.
 * Returns the versions applied.
 */
export function runMigrations(
  db: Db,
  migrations: readonly Migration[],
  beforeMigrating: (fromVersion: number) => void
): number[] {
  const current = readUserVersion(db)
  const pending = migrations.filter((migration) => migration.version > current)
  if (pending.length === 0) return []
  beforeMigrating(current)
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db)
      // user_version is written inside the transaction, so it commits or rolls back with it.
      db.pragma(`user_version = ${Math.trunc(migration.version)}`)
    }
  })()
  return pending.map((migration) => migration.version)
}
