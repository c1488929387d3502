/**
 * `node --import tsx bench/search-run.ts`: the search speed part of `npm run bench` alone (F2 at
 * 1,000, 10,000 and 100,000 items, the query kinds, the dropdown), replacing only its section of
 * docs/bench.md; the other sections keep the figures of the last full run.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../test/e2e/harness'
import { benchSearchSizes } from './search-bench'
import { writeSearchSection } from './search-markdown'
import { buildSyntheticLibrary } from './synthetic-library'

const RESOURCES = process.env['BENCH_RESOURCES'] ?? join(ROOT, 'resources')
const ITEMS = 10_000

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pointbook-bench-'))
  try {
    buildSyntheticLibrary(dataDir, RESOURCES, ITEMS)
    const result = await benchSearchSizes(
      RESOURCES,
      { items: ITEMS, dataDir },
      buildSyntheticLibrary
    )
    console.log(JSON.stringify(result, null, 2))
    writeSearchSection(join(ROOT, 'docs', 'bench.md'), result)
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
