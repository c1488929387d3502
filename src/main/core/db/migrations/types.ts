import type { Db } from '../sqlite'

/** One schema step. `up` runs inside the migration transaction; it must not commit or backup. */
export interface Migration {
  readonly version: number
  readonly name: string
  up(db: Db): void
}
