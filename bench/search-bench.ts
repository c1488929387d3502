import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dispatch } from '../src/main/core/api/dispatch'
import { openLibrary } from '../src/main/core'
import type { Library } from '../src/main/core'
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
  perQuery: { q: string; coreP95: number; coreCpuP95: number; rawP95: number }[]
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
      const coreCpu: number[] = []
      const rawTimes: number[] = []
      for (let round = 0; round < ROUNDS + 3; round++) {
        const call = await timedSearch(library, q)
        const rawMs = time(() => rawStatement.all(match))
        if (round >= 3) {
          coreTimes.push(call.wallMs)
          coreCpu.push(call.cpuMs)
          rawTimes.push(rawMs)
        }
      }
      coreSamples.push(...coreTimes)
      rawSamples.push(...rawTimes)
      perQuery.push({
        q,
        coreP95: summarize(coreTimes).p95,
        coreCpuP95: summarize(coreCpu).p95,
        rawP95: summarize(rawTimes).p95
      })
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

/** One search through the contract: wall time and this process's CPU time (machine load aside). */
async function timedSearch(
  library: Library,
  q: string
): Promise<{ wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage()
  const start = process.hrtime.bigint()
  const result = await dispatch(library.handlers, 'search:query', { q, limit: 50 })
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6
  const used = process.cpuUsage(cpu)
  if (!result.ok) throw new Error(result.error.message)
  return { wallMs, cpuMs: (used.user + used.system) / 1000 }
}

/**
 * The query kinds of issue 9, reported apart from the F2 ratio: their work is more than one FTS5
 * query (names, synonyms, the any-word fallback, a spelling suggestion and a second pass), so the
 * raw floor of their text is no fair comparison.
 */
export const QUERY_KINDS: readonly { kind: string; q: string }[] = [
  { kind: 'point code (name)', q: 'KI1' },
  { kind: 'muscle name', q: 'upper trapezius' },
  { kind: 'Chinese word', q: '疼痛' },
  { kind: 'any-word fallback', q: 'difference between acupuncture and IMS' },
  { kind: 'spelling suggestion', q: 'trapezuis' },
  { kind: 'condition synonym', q: 'tennis elbow' },
  { kind: 'nerve roots', q: 'C5-C6' },
  { kind: 'two letters', q: 'tr' }
]

export async function benchQueryKinds(
  dataDir: string,
  resourcesDir: string
): Promise<{ kind: string; q: string; wallP95: number; cpuP95: number }[]> {
  const library = openLibrary({ dataDir, resourcesDir, warn: () => undefined })
  try {
    const rows: { kind: string; q: string; wallP95: number; cpuP95: number }[] = []
    for (const { kind, q } of QUERY_KINDS) {
      const wall: number[] = []
      const cpu: number[] = []
      for (let round = 0; round < ROUNDS + 3; round++) {
        const call = await timedSearch(library, q)
        if (round >= 3) {
          wall.push(call.wallMs)
          cpu.push(call.cpuMs)
        }
      }
      rows.push({ kind, q, wallP95: summarize(wall).p95, cpuP95: summarize(cpu).p95 })
    }
    return rows
  } finally {
    library.close()
  }
}

/** Search at a second size (`npm run bench`: 100,000 items): the F2 queries and the issue 9 kinds. */
export async function benchSearchAt(
  items: number,
  resourcesDir: string,
  build: (dataDir: string, resourcesDir: string, count: number) => void
): Promise<{
  items: number
  search: SearchBench
  queryKinds: Awaited<ReturnType<typeof benchQueryKinds>>
}> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pointbook-search-bench-'))
  try {
    build(dataDir, resourcesDir, items)
    const search = await benchSearch(dataDir, resourcesDir)
    const queryKinds = await benchQueryKinds(dataDir, resourcesDir)
    return { items, search, queryKinds }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}
