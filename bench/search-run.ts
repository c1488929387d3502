/**
 * `node --import tsx bench/search-run.ts`: the search speed part of `npm run bench` alone (F2 at
 * 1,000, 10,000 and 100,000 items, the query kinds, the dropdown), replacing only its section of
 * docs/bench.md; the other sections keep the figures of the last full run.
 * `--sizes 1000,10000` measures those sizes only and prints a summary without writing the docs
 * (the dropdown then at the largest of them); BENCH_SEARCH_RUNS and BENCH_SEARCH_ROUNDS shorten it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../test/e2e/harness'
import { SEARCH_SIZES, benchSearchSizes } from './search-bench'
import { writeSearchSection } from './search-markdown'
import { buildSyntheticLibrary } from './synthetic-library'

const RESOURCES = process.env['BENCH_RESOURCES'] ?? join(ROOT, 'resources')
const ITEMS = 10_000

/** The sizes named after `--sizes`, or all of them. */
function sizes(): (typeof SEARCH_SIZES)[number][] {
  const at = process.argv.indexOf('--sizes')
  if (at < 0) return [...SEARCH_SIZES]
  const named = (process.argv[at + 1] ?? '').split(',').map(Number)
  const known = SEARCH_SIZES.filter((size) => named.includes(size))
  if (known.length !== named.length) throw new Error(`--sizes: one of ${SEARCH_SIZES.join(', ')}`)
  return known
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pointbook-bench-'))
  try {
    buildSyntheticLibrary(dataDir, RESOURCES, ITEMS)
    const chosen = sizes()
    const result = await benchSearchSizes(
      RESOURCES,
      { items: ITEMS, dataDir },
      buildSyntheticLibrary,
      chosen
    )
    console.log(JSON.stringify(result, null, 2))
    if (chosen.length < SEARCH_SIZES.length) {
      for (const size of result.sizes) {
        console.log(
          `${size.items}: CPU p50 ${size.core.cpuP50} / ${size.floor.cpuP50} = ${size.ratioCpuP50}x, ` +
            `p95 ${size.core.cpuP95} / ${size.floor.cpuP95} = ${size.ratioCpuP95}x ` +
            `(runs ${size.ratioCpuP95ByRun.join(', ')}; session 5 floor ${size.ratioCpuP95OldFloor}x), ` +
            `load ${result.load[size.items]}`
        )
      }
      return
    }
    writeSearchSection(join(ROOT, 'docs', 'bench.md'), result)
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
