import Database from 'better-sqlite3'
import { join } from 'node:path'
import { dispatch } from '../src/main/core/api/dispatch'
import { openLibrary } from '../src/main/core'
import { parseSearchQuery } from '../src/shared/search/parse-query'
import { summarize, time } from './stats'
import type { Summary } from './stats'

export const QUERIES = [
  'twitch',
  'neck pain',
  'pneumo',
  'li 4',
  'shoulder referral',
  'needle',
  'tra'
]
const ROUNDS = 30

/** The floor: the same MATCH, ranking and snippet, run directly on the database file. */
const RAW_SQL = `
  SELECT rowid, bm25(search_fts, 10.0, 1.0, 4.0, 6.0) AS rank,
    snippet(search_fts, 1, '[', ']', '…', 12) AS s
  FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT 50`

export interface SearchBench {
  core: Summary
  raw: Summary
  ratioP95: number
  perQuery: { q: string; coreP95: number; rawP95: number }[]
}

/** F2: p95 of a search through the core's contract entry against the raw FTS5 query. */
export async function benchSearch(dataDir: string, resourcesDir: string): Promise<SearchBench> {
  const library = openLibrary({ dataDir, resourcesDir, warn: () => undefined })
  const raw = new Database(join(dataDir, 'pointbook.sqlite'), { readonly: true })
  const rawStatement = raw.prepare(RAW_SQL)
  const coreSamples: number[] = []
  const rawSamples: number[] = []
  const perQuery: SearchBench['perQuery'] = []
  try {
    for (const q of QUERIES) {
      const match = parseSearchQuery(q)?.match
      if (!match) throw new Error(`query ${q} parses to nothing`)
      const coreTimes: number[] = []
      const rawTimes: number[] = []
      for (let round = 0; round < ROUNDS + 3; round++) {
        const start = process.hrtime.bigint()
        const result = await dispatch(library.handlers, 'search:query', { q, limit: 50 })
        const coreMs = Number(process.hrtime.bigint() - start) / 1e6
        if (!result.ok) throw new Error(result.error.message)
        const rawMs = time(() => rawStatement.all(match))
        if (round >= 3) {
          coreTimes.push(coreMs)
          rawTimes.push(rawMs)
        }
      }
      coreSamples.push(...coreTimes)
      rawSamples.push(...rawTimes)
      perQuery.push({ q, coreP95: summarize(coreTimes).p95, rawP95: summarize(rawTimes).p95 })
    }
  } finally {
    raw.close()
    library.close()
  }
  const core = summarize(coreSamples)
  const rawSummary = summarize(rawSamples)
  return {
    core,
    raw: rawSummary,
    ratioP95: Math.round((core.p95 / rawSummary.p95) * 100) / 100,
    perQuery
  }
}
