/**
 * The floor for startup-probe.ts: a process that opens the same SQLite file with better-sqlite3
 * and runs one SELECT (the first page of the article list), nothing else.
 */
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { printProbeResult } from './probe-result'

const [dataDir = ''] = process.argv.slice(2)
const started = performance.now()
const db = new Database(join(dataDir, 'pointbook.sqlite'))
db.prepare('SELECT id, title FROM articles ORDER BY title LIMIT 50').all()
const opened = performance.now()
db.close()
printProbeResult({ openMs: opened - started, closeMs: performance.now() - opened, warnings: [] })
