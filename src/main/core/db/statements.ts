import type Database from 'better-sqlite3'
import type { Db } from './sqlite'

/**
 * Prepares each SQL text once per connection. Repositories keep their SQL inline where it is
 * used and still avoid re-preparing it on every call (search-as-you-type runs a query per key).
 */
export class StatementCache {
  private readonly statements = new Map<string, Database.Statement>()

  constructor(readonly db: Db) {}

  sql(text: string): Database.Statement {
    let statement = this.statements.get(text)
    if (!statement) {
      statement = this.db.prepare(text)
      this.statements.set(text, statement)
    }
    return statement
  }
}
