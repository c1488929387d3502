/**
 * One measuring process of the search bench (search-bench.ts starts one per run and size):
 * `node --import tsx --single-threaded-gc --expose-gc bench/search-measure.ts`, the job as JSON on
 * stdin, the samples as JSON on stdout.
 *
 * Why a process of its own with these flags: CPU time is `process.cpuUsage()`, the whole process
 * (Node 20 has no per-thread CPU clock, and /proc's per-thread figures move only at scheduler
 * ticks). With V8's helper threads, a concurrent GC's marking or sweeping landed in whichever call
 * was running, so some calls showed more CPU than wall time. With one GC thread, a call's CPU is
 * its own work and the garbage collection it causes; a full GC before each round (outside the
 * timing, followed by an untimed call) keeps a collection of earlier rounds' garbage out of it.
 * A fresh process per run also makes the runs independent: their spread is the figure's noise.
 */
import Database from 'better-sqlite3'
import type { Statement } from 'better-sqlite3'
import { join } from 'node:path'
import { dispatch } from '../src/main/core/api/dispatch'
import type { Handlers } from '../src/main/core/api/handlers'
import { openLibrary } from '../src/main/core'
import type { Library } from '../src/main/core'
import { libraryInternals } from '../src/main/core/library'
import { SearchIndex } from '../src/main/core/search/search-index'
import { parseSearchQuery } from '../src/shared/search/parse-query'

export interface MeasureJob {
  readonly dataDir: string
  readonly resourcesDir: string
  readonly queries: readonly string[]
  readonly kindQueries: readonly string[]
  /** The as-you-type dropdown's queries (8 hits each), or none. */
  readonly dropdownQueries: readonly string[]
  readonly rounds: number
  readonly warmUp: number
  /** Also time the core with every match ranked (the names-first rule off). */
  readonly fullRanking: boolean
}

/** Per call, in milliseconds. */
export interface Samples {
  readonly cpu: number[]
  readonly wall: number[]
}

export interface MeasureResult {
  readonly documents: number
  /** Query → way (FLOOR_FORMS, OLD_FLOOR_FORMS, core, full) → samples. */
  readonly f2: Record<string, Record<string, Samples>>
  readonly kinds: Record<string, Samples>
  readonly dropdown: Record<string, Samples>
}

export const PAGE_LIMIT = 50
/** The dropdown's request (search-box.tsx: DROPDOWN_LIMIT). */
export const DROPDOWN_LIMIT = 8

const WEIGHTS = '10.0, 1.0, 4.0, 6.0'
/**
 * The floor: what the core takes from FTS5 for a page of hits (the same MATCH and bm25 weights,
 * the highlighted title and a 20-word snippet, 50 rows in rank order) in the two forms FTS5
 * offers, as arrays, reading no rank value (FTS5 runs bm25 again for each row that reads the rank
 * column). The faster form for each query is its floor.
 */
const TEXT = `rowid, highlight(search_fts, 0, '[', ']'), snippet(search_fts, 1, '[', ']', '…', 20)`
export const FLOOR_FORMS = {
  bm25: `SELECT ${TEXT} FROM search_fts WHERE search_fts MATCH ?
    ORDER BY bm25(search_fts, ${WEIGHTS}) LIMIT ${PAGE_LIMIT}`,
  rankColumn: `SELECT ${TEXT} FROM search_fts WHERE search_fts MATCH ?
    AND rank MATCH 'bm25(${WEIGHTS})' ORDER BY rank LIMIT ${PAGE_LIMIT}`
} as const
/**
 * The floor as session 5 measured it (rows as objects, the rank value read, a 12-word snippet, no
 * title), kept beside the new one so the figures of both sessions can be compared.
 */
export const OLD_FLOOR_FORMS = {
  oldBm25: `SELECT rowid, bm25(search_fts, ${WEIGHTS}) AS rank,
      snippet(search_fts, 1, '[', ']', '…', 12) AS s
    FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT ${PAGE_LIMIT}`,
  oldRankColumn: `SELECT rowid, rank, snippet(search_fts, 1, '[', ']', '…', 12) AS s
    FROM search_fts WHERE search_fts MATCH ? AND rank MATCH 'bm25(${WEIGHTS})'
    ORDER BY rank LIMIT ${PAGE_LIMIT}`
} as const

type Way = () => unknown

/** CPU and wall time of one call, added to the samples unless warming up. */
async function time(way: Way, into: Samples | null): Promise<void> {
  const cpu = process.cpuUsage()
  const start = process.hrtime.bigint()
  await way()
  const wall = Number(process.hrtime.bigint() - start) / 1e6
  const used = process.cpuUsage(cpu)
  into?.cpu.push((used.user + used.system) / 1000)
  into?.wall.push(wall)
}

const collect = (): (() => void) => {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc === undefined) throw new Error('run with --expose-gc (search-bench.ts does)')
  return gc
}

/**
 * Rounds over every query in every way, interleaved: each round runs all of them, the queries in
 * an order that rotates with the round and one query's ways back to back, first to last in one
 * round and last to first in the next (a way that follows another may find its pages and the
 * CPU's caches warm), so a busy moment of the machine falls on all of them alike.
 */
async function rounds(
  job: MeasureJob,
  groups: readonly (readonly { key: string; way: Way }[])[]
): Promise<Map<string, Samples>> {
  const gc = collect()
  const samples = new Map(groups.flat().map((cell) => [cell.key, { cpu: [], wall: [] } as Samples]))
  for (let round = 0; groups.length > 0 && round < job.warmUp + job.rounds; round++) {
    gc()
    // The first call after a full collection pays for sweeping and cold caches (measured: ~15%
    // more CPU): an untimed call takes it.
    await groups[round % groups.length]![0]!.way()
    for (let i = 0; i < groups.length; i++) {
      const group = groups[(i + round) % groups.length]!
      for (const cell of round % 2 === 0 ? group : [...group].reverse()) {
        await time(cell.way, round < job.warmUp ? null : samples.get(cell.key)!)
      }
    }
  }
  return samples
}

function contractSearch(handlers: Handlers, q: string, limit: number): Way {
  return async () => {
    const result = await dispatch(handlers, 'search:query', { q, limit })
    if (!result.ok) throw new Error(`${q}: ${result.error.message}`)
  }
}

/** The contract's search over an index that ranks every match (no names-first rule). */
function fullRankingHandlers(library: Library): Handlers {
  const index = new SearchIndex(libraryInternals(library).db, {
    namesFirstFrom: Number.POSITIVE_INFINITY
  })
  return { ...library.handlers, 'search:query': (query) => index.query(query) }
}

export async function measure(job: MeasureJob): Promise<MeasureResult> {
  const library = openLibrary({
    dataDir: job.dataDir,
    resourcesDir: job.resourcesDir,
    warn: () => undefined
  })
  const raw = new Database(join(job.dataDir, 'pointbook.sqlite'), { readonly: true })
  try {
    const prepared = (sql: string, arrays: boolean): Statement => raw.prepare(sql).raw(arrays)
    const forms = [
      ...Object.entries(FLOOR_FORMS).map(([form, sql]) => [form, prepared(sql, true)] as const),
      ...Object.entries(OLD_FLOOR_FORMS).map(([form, sql]) => [form, prepared(sql, false)] as const)
    ]
    const full = job.fullRanking ? fullRankingHandlers(library) : null
    const groups = job.queries.map((q) => {
      const match = parseSearchQuery(q)?.match
      if (match === undefined) throw new Error(`query ${q} parses to nothing`)
      return [
        { key: `${q}\u0000core`, way: contractSearch(library.handlers, q, PAGE_LIMIT) },
        ...(full ? [{ key: `${q}\u0000full`, way: contractSearch(full, q, PAGE_LIMIT) }] : []),
        ...forms.map(([form, statement]) => ({
          key: `${q}\u0000${form}`,
          way: () => statement.all(match)
        }))
      ]
    })
    const f2: MeasureResult['f2'] = {}
    for (const [key, samples] of await rounds(job, groups)) {
      const [q, way] = key.split('\u0000') as [string, string]
      ;(f2[q] ??= {})[way] = samples
    }
    const byQuery = async (queries: readonly string[], limit: number) =>
      Object.fromEntries(
        await rounds(
          job,
          queries.map((q) => [{ key: q, way: contractSearch(library.handlers, q, limit) }])
        )
      )
    return {
      documents: (raw.prepare('SELECT count(*) FROM search_docs').pluck().get() as number) ?? 0,
      f2,
      kinds: await byQuery(job.kindQueries, PAGE_LIMIT),
      dropdown: await byQuery(job.dropdownQueries, DROPDOWN_LIMIT)
    }
  } finally {
    raw.close()
    library.close()
  }
}

async function main(): Promise<void> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  const job = JSON.parse(Buffer.concat(chunks).toString('utf8')) as MeasureJob
  process.stdout.write(JSON.stringify(await measure(job)))
}

if (process.argv[1]?.endsWith('search-measure.ts')) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
