/**
 * `npm run bench`: builds a 10,000-item library in a temp folder and measures search (core vs the
 * raw FTS5 floor), start-up, and the UI (search to results, long tasks). Writes
 * artifacts/bench.json and docs/bench.md. Targets: docs/design-notes.md and CHECKLIST F1–F3.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibrary } from '../src/main/core'
import { ROOT } from '../test/e2e/harness'
import { benchSearch, QUERIES } from './search-bench'
import { time } from './stats'
import { buildSyntheticLibrary } from './synthetic-library'
import { benchUi } from './ui-bench'

const ITEMS = 10_000
const RESOURCES = join(ROOT, 'resources')

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pointbook-bench-'))
  try {
    const firstOpenMs = time(() => openLibrary({ dataDir, resourcesDir: RESOURCES }).close())
    const reopenMs = time(() => openLibrary({ dataDir, resourcesDir: RESOURCES }).close())
    const buildMs = time(() => buildSyntheticLibrary(dataDir, RESOURCES, ITEMS))
    const reopenLargeMs = time(() => openLibrary({ dataDir, resourcesDir: RESOURCES }).close())
    const search = await benchSearch(dataDir, RESOURCES)
    const ui = await benchUi(dataDir, QUERIES)
    const result = {
      date: new Date().toISOString(),
      machine: { node: process.version, platform: process.platform },
      items: ITEMS,
      startup: {
        firstOpenWithImportMs: Math.round(firstOpenMs),
        reopenMs: Math.round(reopenMs),
        index10kMs: Math.round(buildMs),
        reopen10kMs: Math.round(reopenLargeMs)
      },
      search,
      ui
    }
    mkdirSync(join(ROOT, 'artifacts'), { recursive: true })
    writeFileSync(join(ROOT, 'artifacts', 'bench.json'), JSON.stringify(result, null, 2))
    writeFileSync(join(ROOT, 'docs', 'bench.md'), toMarkdown(result))
    console.log(JSON.stringify(result, null, 2))
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function toMarkdown(r: {
  date: string
  items: number
  startup: Record<string, number>
  search: Awaited<ReturnType<typeof benchSearch>>
  ui: Awaited<ReturnType<typeof benchUi>>
}): string {
  const rows = r.search.perQuery.map((q) => `| \`${q.q}\` | ${q.coreP95} | ${q.rawP95} |`)
  return [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${r.date.slice(0, 10)} (${r.items.toLocaleString('en')} items, this machine: 2 cores).`,
    '',
    '## Start-up (core, ms)',
    '| step | ms |',
    '| --- | --- |',
    ...Object.entries(r.startup).map(([k, v]) => `| ${k} | ${v} |`),
    '',
    '## Search (F2): core contract entry vs the raw FTS5 floor',
    `p95 core ${r.search.core.p95} ms, raw ${r.search.raw.p95} ms: ratio **${r.search.ratioP95}×** (target ≤ 1.5×).`,
    'The core also counts matches per kind for the filter chips (a second FTS query, with no join:',
    'search ids are ranged by kind) and validates input and output with zod; the floor is one',
    'bm25 + snippet query. Runs vary by about ±0.1×.',
    '',
    '| query | core p95 ms | raw p95 ms |',
    '| --- | --- | --- |',
    ...rows,
    '',
    '## UI (Chromium, built renderer, real core through the harness binding)',
    `- first screen: ${r.ui.firstScreenMs} ms from launch (includes starting Chromium)`,
    `- search request to results on screen (after the 120 ms debounce): p50 ${r.ui.searchToResultsMs.p50} ms, p95 ${r.ui.searchToResultsMs.p95} ms (target ≤ 50 ms)`,
    `- long tasks (> 50 ms) while typing: ${JSON.stringify(r.ui.longTasksWhileTyping)}`,
    `- long tasks opening an article with a diagram: first ${JSON.stringify(r.ui.longTasksOpeningDiagramArticle.first)}, cached ${JSON.stringify(r.ui.longTasksOpeningDiagramArticle.cached)}`,
    ''
  ].join('\n')
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
