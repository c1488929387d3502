import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { FLOOR_FORMS, OLD_FLOOR_FORMS } from './search-measure'
import type { MeasureJob, MeasureResult, Samples } from './search-measure'
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
export const DROPDOWN_TARGET_MS = 50

export const SEARCH_SIZES = [1_000, 10_000, 100_000] as const
/**
 * Independent runs (a process each) per size, and rounds per run: every query in every way once
 * per round. Fewer rounds at 100,000 items, where a round takes over a second; BENCH_SEARCH_ROUNDS
 * and BENCH_SEARCH_RUNS override them (a quick look while working).
 */
const RUNS = Number(process.env['BENCH_SEARCH_RUNS'] ?? 3)
const ROUNDS: Record<(typeof SEARCH_SIZES)[number], number> = {
  1_000: 100,
  10_000: 60,
  100_000: 20
}
const WARM_UP = 3
/** From this many documents the names-first rule can apply (10,000 matches): time it off too. */
const FULL_RANKING_FROM = 20_000

/** Percentiles of CPU and wall time per call, ms. */
export interface Stat {
  cpuP50: number
  cpuP95: number
  wallP50: number
  wallP95: number
}

type FloorForm = keyof typeof FLOOR_FORMS
type OldFloorForm = keyof typeof OLD_FLOOR_FORMS

export interface F2Query {
  q: string
  core: Stat
  /** The core with every match ranked (no names-first rule), where that rule can apply. */
  coreFullRanking: Stat | null
  /** The faster floor form for this query (by CPU p50) and its figures. */
  floorForm: FloorForm
  floor: Stat
  floorForms: Record<FloorForm, Stat>
  oldFloor: Stat
  ratioCpuP50: number
  ratioCpuP95: number
}

export interface F2Result {
  items: number
  documents: number
  runs: number
  rounds: number
  core: Stat
  coreFullRanking: Stat | null
  /** Every query's samples of its faster form, pooled. */
  floor: Stat
  /** Session 5's floor (old forms, the faster one per query), pooled. */
  oldFloor: Stat
  ratioCpuP50: number
  ratioCpuP95: number
  ratioWallP95: number
  /** The CPU p95 ratio of each run alone: how much the figure moves from run to run. */
  ratioCpuP95ByRun: number[]
  ratioCpuP95OldFloor: number
  perQuery: F2Query[]
  queryKinds: { kind: string; q: string; stat: Stat }[]
}

export interface SearchBenchResult {
  sizes: F2Result[]
  dropdown: {
    items: number
    perQuery: { q: string; stat: Stat }[]
    worstCpu: number
  }
  /** Load average (1 minute) when each size's runs ended. */
  load: Record<number, number>
}

const empty = (): Samples => ({ cpu: [], wall: [] })
const pool = (list: readonly Samples[]): Samples => ({
  cpu: list.flatMap((s) => s.cpu),
  wall: list.flatMap((s) => s.wall)
})

export const stat = (samples: Samples): Stat => {
  const cpu = summarize(samples.cpu)
  const wall = summarize(samples.wall)
  return { cpuP50: cpu.p50, cpuP95: cpu.p95, wallP50: wall.p50, wallP95: wall.p95 }
}

export const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100

/** The faster of a query's forms by CPU median (the lower floor). */
function fasterForm<F extends string>(ways: Record<string, Samples>, forms: readonly F[]): F {
  return forms.reduce((a, b) => (summarize(ways[b]!.cpu).p50 < summarize(ways[a]!.cpu).p50 ? b : a))
}

const FLOOR_NAMES = Object.keys(FLOOR_FORMS) as FloorForm[]
const OLD_FLOOR_NAMES = Object.keys(OLD_FLOOR_FORMS) as OldFloorForm[]

/** Runs one measuring process (search-measure.ts) and returns its samples. */
function measureInProcess(job: MeasureJob): MeasureResult {
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--single-threaded-gc',
      '--expose-gc',
      join(__dirname, 'search-measure.ts')
    ],
    { input: JSON.stringify(job), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }
  )
  if (child.status !== 0) throw new Error(`search-measure failed: ${child.stderr}`)
  return JSON.parse(child.stdout) as MeasureResult
}

/** F2, the query kinds and (if asked) the dropdown on one library, over RUNS processes. */
function benchLibrary(
  items: (typeof SEARCH_SIZES)[number],
  dataDir: string,
  resourcesDir: string,
  dropdown: boolean
): { f2: F2Result; dropdown: Record<string, Samples> } {
  const rounds = Number(process.env['BENCH_SEARCH_ROUNDS'] ?? ROUNDS[items])
  const runs: MeasureResult[] = []
  for (let run = 0; run < RUNS; run++) {
    runs.push(
      measureInProcess({
        dataDir,
        resourcesDir,
        queries: QUERIES,
        kindQueries: QUERY_KINDS.map((kind) => kind.q),
        dropdownQueries: dropdown ? DROPDOWN_QUERIES : [],
        rounds,
        warmUp: WARM_UP,
        fullRanking: false
      })
    )
  }
  const documents = runs[0]!.documents
  const fullRanking = documents >= FULL_RANKING_FROM
  if (fullRanking) {
    // The full ranking is slow at this size; one more run times it beside the core.
    const extra = measureInProcess({
      dataDir,
      resourcesDir,
      queries: QUERIES,
      kindQueries: [],
      dropdownQueries: [],
      rounds,
      warmUp: WARM_UP,
      fullRanking: true
    })
    runs.push(extra)
  }
  const ways = (q: string, way: string): Samples =>
    pool(runs.map((run) => run.f2[q]![way] ?? empty()))
  // Each query's floor form is chosen on all runs; each run's ratio uses that form.
  const forms = Object.fromEntries(
    QUERIES.map((q) => {
      const all = Object.fromEntries(
        [...FLOOR_NAMES, ...OLD_FLOOR_NAMES].map((form) => [form, ways(q, form)])
      )
      return [q, { floor: fasterForm(all, FLOOR_NAMES), old: fasterForm(all, OLD_FLOOR_NAMES) }]
    })
  )
  const pooled = (way: (q: string) => string, runList = runs): Samples =>
    pool(runList.flatMap((run) => QUERIES.map((q) => run.f2[q]![way(q)] ?? empty())))
  const core = pooled(() => 'core')
  const floor = pooled((q) => forms[q]!.floor)
  const oldFloor = pooled((q) => forms[q]!.old)
  const perQuery: F2Query[] = QUERIES.map((q) => {
    const c = stat(ways(q, 'core'))
    const f = stat(ways(q, forms[q]!.floor))
    return {
      q,
      core: c,
      coreFullRanking: fullRanking ? stat(ways(q, 'full')) : null,
      floorForm: forms[q]!.floor,
      floor: f,
      floorForms: Object.fromEntries(
        FLOOR_NAMES.map((form) => [form, stat(ways(q, form))])
      ) as Record<FloorForm, Stat>,
      oldFloor: stat(ways(q, forms[q]!.old)),
      ratioCpuP50: ratio(c.cpuP50, f.cpuP50),
      ratioCpuP95: ratio(c.cpuP95, f.cpuP95)
    }
  })
  const [coreStat, floorStat] = [stat(core), stat(floor)]
  const byRun = runs.slice(0, RUNS).map((run) => {
    const c = stat(pooled(() => 'core', [run]))
    const f = stat(pooled((q) => forms[q]!.floor, [run]))
    return ratio(c.cpuP95, f.cpuP95)
  })
  const kindSamples = (q: string): Samples => pool(runs.map((run) => run.kinds[q] ?? empty()))
  return {
    f2: {
      items,
      documents,
      runs: RUNS,
      rounds,
      core: coreStat,
      coreFullRanking: fullRanking ? stat(pooled(() => 'full', runs.slice(RUNS))) : null,
      floor: floorStat,
      oldFloor: stat(oldFloor),
      ratioCpuP50: ratio(coreStat.cpuP50, floorStat.cpuP50),
      ratioCpuP95: ratio(coreStat.cpuP95, floorStat.cpuP95),
      ratioWallP95: ratio(coreStat.wallP95, floorStat.wallP95),
      ratioCpuP95ByRun: byRun,
      ratioCpuP95OldFloor: ratio(coreStat.cpuP95, stat(oldFloor).cpuP95),
      perQuery,
      queryKinds: QUERY_KINDS.map(({ kind, q }) => ({ kind, q, stat: stat(kindSamples(q)) }))
    },
    dropdown: Object.fromEntries(
      DROPDOWN_QUERIES.map((q) => [q, pool(runs.map((run) => run.dropdown[q] ?? empty()))])
    )
  }
}

/**
 * `npm run bench`'s search part: F2 at 1,000, 10,000 (the library `run.ts` built) and 100,000
 * items, and the dropdown at 100,000. `build` fills a library folder with synthetic items.
 */
export async function benchSearchSizes(
  resourcesDir: string,
  existing: { items: number; dataDir: string },
  build: (dataDir: string, resourcesDir: string, count: number) => void,
  sizes: readonly (typeof SEARCH_SIZES)[number][] = SEARCH_SIZES
): Promise<SearchBenchResult> {
  const results: F2Result[] = []
  const load: Record<number, number> = {}
  let dropdown: SearchBenchResult['dropdown'] | null = null
  for (const items of sizes) {
    const own = items === existing.items ? null : mkdtempSync(join(tmpdir(), 'pointbook-search-'))
    try {
      if (own !== null) build(own, resourcesDir, items)
      const largest = items === sizes.at(-1)
      const measured = benchLibrary(items, own ?? existing.dataDir, resourcesDir, largest)
      results.push(measured.f2)
      load[items] = loadAverage()
      if (largest) {
        const perQuery = DROPDOWN_QUERIES.map((q) => ({ q, stat: stat(measured.dropdown[q]!) }))
        const worstCpu = Math.max(...perQuery.map((row) => row.stat.cpuP95))
        dropdown = { items, perQuery, worstCpu }
      }
    } finally {
      if (own !== null) rmSync(own, { recursive: true, force: true })
    }
  }
  if (dropdown === null) throw new Error('the dropdown was not measured')
  return { sizes: results, dropdown, load }
}

const loadAverage = (): number => Math.round(loadavg()[0]! * 10) / 10
