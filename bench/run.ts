/**
 * `npm run bench`: builds a 10,000-item library in a temp folder and measures start-up (whole
 * processes against the raw SQLite floor, also at 100,000 items), search (core vs the raw FTS5
 * floor) and the UI (search to results, long tasks). Writes artifacts/bench.json and
 * docs/bench.md. Targets: docs/design-notes.md and docs/checklist.md F1–F3.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeParsedYaml } from '../src/main/core/content/yaml'
import { ROOT } from '../test/e2e/harness'
import { benchSearchSizes, QUERIES } from './search-bench'
import { searchMarkdown } from './search-markdown'
import { benchRelevance, relevanceMarkdown } from './search-relevance'
import { benchStartup, startupMarkdown } from './startup-bench'
import { cpuTime } from './stats'
import { buildSyntheticLibrary } from './synthetic-library'
import { benchUi } from './ui-bench'
import { benchSync, syncMarkdown } from './sync-bench'

const ITEMS = 10_000
const LARGE_ITEMS = 100_000
/**
 * The built-in content measured: the repository's, or BENCH_RESOURCES (a resources folder, e.g.
 * a snapshot from `git archive`, when the working tree's content is being edited).
 */
const RESOURCES = process.env['BENCH_RESOURCES'] ?? join(ROOT, 'resources')

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pointbook-bench-'))
  // What `npm run build` writes for the repository's resources (src/main/core/content/yaml.ts),
  // also for a snapshot given as BENCH_RESOURCES; the start-up bench adds the derived values.
  writeParsedYaml(RESOURCES, (path, data) => writeFileSync(path, data))
  try {
    const buildCpuMs = cpuTime(() => buildSyntheticLibrary(dataDir, RESOURCES, ITEMS))
    const startup = await benchStartup({
      resourcesDir: RESOURCES,
      library: { dataDir, items: ITEMS, buildCpuMs },
      largeItems: LARGE_ITEMS
    })
    if (process.argv.includes('--startup-only')) {
      writeStartupSection(startup)
      return
    }
    const search = await benchSearchSizes(
      RESOURCES,
      { items: ITEMS, dataDir },
      buildSyntheticLibrary
    )
    const relevance = await benchRelevance(RESOURCES)
    const ui = await benchUi(dataDir, QUERIES)
    const sync = await benchSync()
    const result = {
      date: new Date().toISOString(),
      machine: { node: process.version, platform: process.platform },
      items: ITEMS,
      startup,
      search,
      relevance,
      ui,
      sync
    }
    mkdirSync(join(ROOT, 'artifacts'), { recursive: true })
    writeFileSync(join(ROOT, 'artifacts', 'bench.json'), JSON.stringify(result, null, 2))
    writeFileSync(join(ROOT, 'docs', 'bench.md'), toMarkdown(result))
    console.log(JSON.stringify(result, null, 2))
    await import('./first-screen').then((bench) => bench.benchFirstScreen())
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function toMarkdown(r: {
  date: string
  items: number
  startup: Awaited<ReturnType<typeof benchStartup>>
  search: Awaited<ReturnType<typeof benchSearchSizes>>
  relevance: Awaited<ReturnType<typeof benchRelevance>>
  ui: Awaited<ReturnType<typeof benchUi>>
  sync: Awaited<ReturnType<typeof benchSync>>
}): string {
  return [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${r.date.slice(0, 10)} (${r.items.toLocaleString('en')} items, this machine: 2 cores).`,
    '',
    ...startupMarkdown(r.startup),
    ...searchMarkdown(r.search),
    ...relevanceMarkdown(r.relevance),
    '## UI (Chromium, built renderer, real core through the harness binding)',
    `- first screen: ${r.ui.firstScreenMs} ms from launch (includes starting Chromium)`,
    `- search request to results on screen (after the 120 ms debounce): p50 ${r.ui.searchToResultsMs.p50} ms, p95 ${r.ui.searchToResultsMs.p95} ms (target ≤ 50 ms)`,
    `- long tasks (> 50 ms) while typing: ${JSON.stringify(r.ui.longTasksWhileTyping)}`,
    `- long tasks opening an article with a diagram: first ${JSON.stringify(r.ui.longTasksOpeningDiagramArticle.first)}, cached ${JSON.stringify(r.ui.longTasksOpeningDiagramArticle.cached)}`,
    '',
    ...syncMarkdown(r.sync)
  ].join('\n')
}

/**
 * `npm run bench -- --startup-only`: measures start-up alone and replaces only its section of
 * docs/bench.md (the other sections keep the figures of the last full run).
 */
function writeStartupSection(startup: Awaited<ReturnType<typeof benchStartup>>): void {
  const path = join(ROOT, 'docs', 'bench.md')
  const doc = readFileSync(path, 'utf8')
  const start = doc.indexOf('## Start-up')
  const end = doc.indexOf('\n## ', start + 1)
  if (start < 0 || end < 0) throw new Error('docs/bench.md has no start-up section to replace')
  const section = startupMarkdown(startup).join('\n')
  writeFileSync(path, `${doc.slice(0, start)}${section}\n${doc.slice(end + 1)}`)
  console.log(JSON.stringify(startup, null, 2))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
