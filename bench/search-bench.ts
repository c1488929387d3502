import Database from 'better-sqlite3'
import type { Statement } from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dispatch } from '../src/main/core/api/dispatch'
import type { Handlers } from '../src/main/core/api/handlers'
import { openLibrary } from '../src/main/core'
import type { Library } from '../src/main/core'
import { libraryInternals } from '../src/main/core/library'
import { SearchIndex } from '../src/main/core/search/search-index'
import { parseSearchQuery } from '../src/shared/search/parse-query'
import { summarize } from './stats'

/** F2's queries (also typed by the UI bench). */
export const QUERIES = [
  'twitch',
  'neck pain',
  'pneumo',
  'li 4',
  'shoulder referral',
  'needle',
  'tra'
]

/**
 * The query kinds of issue 9, reported apart from the F2 ratio: their work is more than one FTS5
 * query (names, synonyms, the any-word fallback, a spelling suggestion and a second pass), so the
 * raw floor of their text is no fair comparison.
 */
export const QUERY_KINDS: readonly { kind: string; q: string }[] = [
  { kind: 'point code (name)', q: 'KI1' },
  { kind: 'muscle name', q: 'upper trapezius' },
  { kind: 'Chinese word', q: '疼痛' },
  { kind: 'Chinese name', q: '合谷' },
  { kind: 'any-word fallback', q: 'difference between acupuncture and IMS' },
  { kind: 'spelling suggestion', q: 'trapezuis' },
  { kind: 'condition synonym', q: 'tennis elbow' },
  { kind: 'nerve roots', q: 'C5-C6' },
  { kind: 'two letters', q: 'tr' },
  { kind: 'one letter', q: 't' }
]

/** What the as-you-type dropdown is timed on: every bench query and the commonest words. */
export const DROPDOWN_QUERIES = [
  ...new Set([...QUERIES, 'pain', 'the', ...QUERY_KINDS.map((kind) => kind.q)])
]
/** The dropdown's request (search-box.tsx: DROPDOWN_LIMIT) and its target. */
const DROPDOWN_LIMIT = 8
export const DROPDOWN_TARGET_MS = 50

export const SEARCH_SIZES = [1_000, 10_000, 100_000] as const
const ROUNDS = 30
const WARM_UP = 3
const PAGE_LIMIT = 50

/**
 * The floor: the same MATCH, bm25 weights and snippet, run directly on the database file, in the
 * two forms FTS5 offers; the faster one (p95, per query and overall) is the floor, since which one
 * wins depends on how many rows match (docs/bench.md).
 */
const RAW_FORMS: Readonly<Record<'bm25' | 'rankColumn', string>> = {
  bm25: `
    SELECT rowid, bm25(search_fts, 10.0, 1.0, 4.0, 6.0) AS rank,
      snippet(search_fts, 1, '[', ']', '…', 12) AS s
    FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT ${PAGE_LIMIT}`,
  rankColumn: `
    SELECT rowid, rank, snippet(search_fts, 1, '[', ']', '…', 12) AS s
    FROM search_fts WHERE search_fts MATCH ? AND rank MATCH 'bm25(10.0, 1.0, 4.0, 6.0)'
    ORDER BY rank LIMIT ${PAGE_LIMIT}`
}

/** Wall and CPU time of one call, in milliseconds. */
interface Timing {
  wallMs: number
  cpuMs: number
}

/** p95s of one way of answering, over the rounds. */
interface P95 {
  wall: number
  cpu: number
}

export interface F2Query {
  q: string
  core: P95
  /** The core with every match ranked (no names-first rule), where that rule applied. */
  coreFullRanking: P95
  raw: Record<keyof typeof RAW_FORMS, P95>
  /** core CPU p95 / the faster raw form's CPU p95. */
  ratioCpu: number
}

export interface F2Result {
  items: number
  documents: number
  core: P95
  coreFullRanking: P95
  floor: P95 & { form: string }
  ratioCpu: number
  ratioWall: number
  ratioCpuFullRanking: number
  perQuery: F2Query[]
  queryKinds: { kind: string; q: string; p95: P95 }[]
}

export interface SearchBenchResult {
  sizes: F2Result[]
  dropdown: {
    items: number
    perQuery: { q: string; p95: P95; cpuP50: number }[]
    worstCpu: number
  }
}

async function timed(call: () => Promise<unknown> | unknown): Promise<Timing> {
  const cpu = process.cpuUsage()
  const start = process.hrtime.bigint()
  await call()
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6
  const used = process.cpuUsage(cpu)
  return { wallMs, cpuMs: (used.user + used.system) / 1000 }
}

const p95 = (samples: readonly Timing[]): P95 => ({
  wall: summarize(samples.map((s) => s.wallMs)).p95,
  cpu: summarize(samples.map((s) => s.cpuMs)).p95
})

const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100

/** One search through the contract's entry (zod in and out), as the renderer's call runs. */
function contractSearch(handlers: Handlers, q: string, limit: number): () => Promise<void> {
  return async () => {
    const result = await dispatch(handlers, 'search:query', { q, limit })
    if (!result.ok) throw new Error(`${q}: ${result.error.message}`)
  }
}

/** Runs each way once per round, interleaved, so machine load falls on all of them alike. */
async function rounds(ways: readonly (() => unknown)[]): Promise<Timing[][]> {
  const samples: Timing[][] = ways.map(() => [])
  for (let round = 0; round < ROUNDS + WARM_UP; round++) {
    for (const [i, way] of ways.entries()) {
      const timing = await timed(way)
      if (round >= WARM_UP) samples[i]!.push(timing)
    }
  }
  return samples
}

/** F2 and the query kinds on one library: the core through the contract against the raw floor. */
async function benchLibrary(
  items: number,
  dataDir: string,
  resourcesDir: string
): Promise<F2Result> {
  const library = openLibrary({ dataDir, resourcesDir, warn: () => undefined })
  const raw = new Database(join(dataDir, 'pointbook.sqlite'), { readonly: true })
  try {
    const fullRanking = fullRankingHandlers(library)
    const statements = Object.fromEntries(
      Object.entries(RAW_FORMS).map(([form, sql]) => [form, raw.prepare(sql)])
    ) as Record<keyof typeof RAW_FORMS, Statement>
    const all: Record<'core' | 'full' | keyof typeof RAW_FORMS, Timing[]> = {
      core: [],
      full: [],
      bm25: [],
      rankColumn: []
    }
    const perQuery: F2Query[] = []
    for (const q of QUERIES) {
      const match = parseSearchQuery(q)?.match
      if (!match) throw new Error(`query ${q} parses to nothing`)
      const [core, full, bm25, rankColumn] = await rounds([
        contractSearch(library.handlers, q, PAGE_LIMIT),
        contractSearch(fullRanking, q, PAGE_LIMIT),
        () => statements.bm25.all(match),
        () => statements.rankColumn.all(match)
      ])
      all.core.push(...core!)
      all.full.push(...full!)
      all.bm25.push(...bm25!)
      all.rankColumn.push(...rankColumn!)
      const rawP95 = { bm25: p95(bm25!), rankColumn: p95(rankColumn!) }
      perQuery.push({
        q,
        core: p95(core!),
        coreFullRanking: p95(full!),
        raw: rawP95,
        ratioCpu: ratio(p95(core!).cpu, Math.min(rawP95.bm25.cpu, rawP95.rankColumn.cpu))
      })
    }
    const queryKinds: F2Result['queryKinds'] = []
    for (const { kind, q } of QUERY_KINDS) {
      const [samples] = await rounds([contractSearch(library.handlers, q, PAGE_LIMIT)])
      queryKinds.push({ kind, q, p95: p95(samples!) })
    }
    const forms = (['bm25', 'rankColumn'] as const).map((form) => ({ form, ...p95(all[form]) }))
    const floor = forms.reduce((a, b) => (b.cpu < a.cpu ? b : a))
    const core = p95(all.core)
    const coreFullRanking = p95(all.full)
    return {
      items,
      documents: documentCount(raw),
      core,
      coreFullRanking,
      floor,
      ratioCpu: ratio(core.cpu, floor.cpu),
      ratioWall: ratio(core.wall, Math.min(...forms.map((f) => f.wall))),
      ratioCpuFullRanking: ratio(coreFullRanking.cpu, floor.cpu),
      perQuery,
      queryKinds
    }
  } finally {
    raw.close()
    library.close()
  }
}

/**
 * The contract's search over an index that ranks every match (no names-first rule), for the
 * figure beside the core's: what that rule saves, and what the core costs without it.
 */
function fullRankingHandlers(library: Library): Handlers {
  const index = new SearchIndex(libraryInternals(library).db, {
    namesFirstFrom: Number.POSITIVE_INFINITY
  })
  return { ...library.handlers, 'search:query': (query) => index.query(query) }
}

const documentCount = (db: Database.Database): number =>
  (db.prepare('SELECT count(*) AS n FROM search_docs').get() as { n: number }).n

/** The as-you-type dropdown's request (8 hits) for every dropdown query, through the contract. */
async function benchDropdown(
  items: number,
  dataDir: string,
  resourcesDir: string
): Promise<SearchBenchResult['dropdown']> {
  const library = openLibrary({ dataDir, resourcesDir, warn: () => undefined })
  try {
    const perQuery: SearchBenchResult['dropdown']['perQuery'] = []
    for (const q of DROPDOWN_QUERIES) {
      const [samples] = await rounds([contractSearch(library.handlers, q, DROPDOWN_LIMIT)])
      const cpuP50 = summarize(samples!.map((s) => s.cpuMs)).p50
      perQuery.push({ q, p95: p95(samples!), cpuP50 })
    }
    return { items, perQuery, worstCpu: Math.max(...perQuery.map((row) => row.p95.cpu)) }
  } finally {
    library.close()
  }
}

/**
 * `npm run bench`'s search part: F2 at 1,000, 10,000 (the library `run.ts` built) and 100,000
 * items, and the dropdown at 100,000. `build` fills a library folder with synthetic items.
 */
export async function benchSearchSizes(
  resourcesDir: string,
  existing: { items: number; dataDir: string },
  build: (dataDir: string, resourcesDir: string, count: number) => void
): Promise<SearchBenchResult> {
  const sizes: F2Result[] = []
  let dropdown: SearchBenchResult['dropdown'] | null = null
  for (const items of SEARCH_SIZES) {
    const own = items === existing.items ? null : mkdtempSync(join(tmpdir(), 'pointbook-search-'))
    try {
      if (own !== null) build(own, resourcesDir, items)
      const dataDir = own ?? existing.dataDir
      sizes.push(await benchLibrary(items, dataDir, resourcesDir))
      if (items === SEARCH_SIZES.at(-1))
        dropdown = await benchDropdown(items, dataDir, resourcesDir)
    } finally {
      if (own !== null) rmSync(own, { recursive: true, force: true })
    }
  }
  if (dropdown === null) throw new Error('the dropdown was not measured')
  return { sizes, dropdown }
}
