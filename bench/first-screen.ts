/**
 * The renderer's first screen against a blank page, in the same Chromium and through the same
 * harness (test/e2e/harness.ts): the built main process and preload over the Electron adapter,
 * each page a window of the main window's kind whose files come from the shell's app:// handler.
 * The blank page is answered by a route on its page, so it skips the handler's file read; the
 * library is opened once before anything is timed.
 *
 * Reported as medians over interleaved runs and as ratios to the blank page's first paint
 * (target ≤ 2.5×). Writes artifacts/first-screen.json and its own section of docs/bench.md.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { launchApp, OUT_DIR, ROOT } from '../test/e2e/harness'
import type { LaunchedApp } from '../test/e2e/harness'
import { PAGE_ORIGIN as APP_ORIGIN } from '../test/e2e/electron-adapter/page-origin'
import { HEAVY_SIGNATURES, startupFiles as listStartupFiles } from '../test/e2e/startup-files'

const TARGET_RATIO = 2.5
const RUNS = 25
// The build the harness launches: out/ unless POINTBOOK_OUT_DIR names another.
const RENDERER = join(OUT_DIR, 'renderer')
const BENCH_MD = join(ROOT, 'docs', 'bench.md')
const SECTION_TITLE = '## First screen (renderer start-up vs a blank page)'

const BLANK_PATH = '/__blank.html'
/** The console line the page writes once the article list is on screen (watchFirstScreen). */
const LIST_PAINTED = 'pointbook-bench:list-painted'
const BLANK_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head>' +
  '<body><p>Pointbook</p></body></html>'

/** What one page load showed, in ms from navigation start (the page's time origin). */
interface Sample {
  fcp: number
  listVisible: number | null
  /** When the last of the start-up script files had arrived (the harness routes each one). */
  scriptsArrived: number | null
  layoutShift: number
}

export interface FirstScreenResult {
  runs: number
  medianMs: { blankFcp: number; libraryFcp: number; listVisible: number; scriptsArrived: number }
  ratio: { fcp: number; listVisible: number }
  target: number
  /** The machine's 1-minute load average when the runs ended, and its number of cores. */
  load: { average: number; cores: number }
  /** Largest cumulative layout shift seen while the library screen started (0 = nothing moved). */
  maxLayoutShift: number
  startup: StartupFiles
}

interface StartupFiles {
  files: string[]
  jsBytes: number
  cssBytes: number
  /** The styles inside index.html (<style>), which need no request of their own. */
  inlineCssBytes: number
  /** Heavy libraries whose signature appears in a start-up file (expected: none). */
  heavy: string[]
}

/**
 * Runs in the page before any of its scripts: records when the first article card is in the DOM
 * and, one frame later, on screen (requestAnimationFrame, then the task after it: the frame has
 * been produced), and says so on the console (`listPainted`). Also sums the layout shifts.
 */
function watchFirstScreen(listPainted: string): void {
  const w = window as unknown as { __firstScreen: { listPaint?: number; shift: number } }
  w.__firstScreen = { shift: 0 }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      w.__firstScreen.shift += (entry as unknown as { value: number }).value
    }
  }).observe({ type: 'layout-shift', buffered: true })
  const observer = new MutationObserver(() => {
    if (!document.querySelector('.article-card')) return
    observer.disconnect()
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        w.__firstScreen.listPaint = performance.now()
        console.debug(listPainted)
      }
      channel.port2.postMessage(null)
    })
  })
  observer.observe(document, { childList: true, subtree: true })
}

async function sample(app: LaunchedApp, kind: 'blank' | 'library'): Promise<Sample> {
  // A window of the main window's kind: the built preload, the shell's guards and its app://
  // handler, as the harness gives the first window (a plain new page would be refused).
  const page = await app.openWindow()
  try {
    // tsx compiles with keepNames, which wraps functions sent to the page in __name().
    await page.addInitScript({ content: 'window.__name = (f) => f' })
    await page.addInitScript(watchFirstScreen, LIST_PAINTED)
    if (kind === 'blank') {
      await page.route(`${APP_ORIGIN}${BLANK_PATH}`, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: BLANK_HTML })
      )
      await page.goto(`${APP_ORIGIN}${BLANK_PATH}`)
    } else {
      // Waits on the page's console line, not page.waitForFunction: that would evaluate
      // Playwright's injected script in the page while it starts, on the thread that starts it.
      const painted = page.waitForEvent('console', { predicate: (m) => m.text() === LIST_PAINTED })
      await page.goto(`${APP_ORIGIN}/#/articles`)
      await painted
    }
    return await page.evaluate(
      () =>
        new Promise<Sample>((resolve) => {
          new PerformanceObserver((list, observer) => {
            const fcp = list.getEntriesByName('first-contentful-paint')[0]
            if (!fcp) return
            observer.disconnect()
            const seen = (
              window as unknown as { __firstScreen: { listPaint?: number; shift: number } }
            ).__firstScreen
            const scripts = performance
              .getEntriesByType('resource')
              .filter((e) => (e as PerformanceResourceTiming).initiatorType !== 'other')
              .filter((e) => e.name.endsWith('.js') && e.startTime < (seen.listPaint ?? 0))
              .map((e) => (e as PerformanceResourceTiming).responseEnd)
            resolve({
              fcp: fcp.startTime,
              listVisible: seen.listPaint ?? null,
              scriptsArrived: scripts.length > 0 ? Math.max(...scripts) : null,
              layoutShift: seen.shift
            })
          }).observe({ type: 'paint', buffered: true })
        })
    )
  } finally {
    await page.close()
  }
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const round = (value: number, digits = 0): number => Number(value.toFixed(digits))

/** The start-up files (test/e2e/startup-files.ts), their sizes and the heavy libraries in them. */
export function startupFiles(rendererDir = RENDERER): StartupFiles {
  const { js, css } = listStartupFiles(rendererDir)
  const read = (file: string): string => readFileSync(join(rendererDir, file), 'utf8')
  const bytes = (files: readonly string[]): number =>
    files.reduce((sum, file) => sum + Buffer.byteLength(read(file)), 0)
  const code = js.map(read)
  const heavy = Object.entries(HEAVY_SIGNATURES)
    .filter(([, signature]) => code.some((text) => signature.test(text)))
    .map(([name]) => name)
  const inlineCssBytes = [...read('index.html').matchAll(/<style>([\s\S]*?)<\/style>/g)].reduce(
    (sum, m) => sum + Buffer.byteLength(m[1]!),
    0
  )
  return { files: [...js, ...css], jsBytes: bytes(js), cssBytes: bytes(css), inlineCssBytes, heavy }
}

/** Measures, then writes artifacts/first-screen.json and the section in docs/bench.md. */
export async function benchFirstScreen(runs = RUNS): Promise<FirstScreenResult> {
  // The blank page is served through the harness's routing, which only the Chromium mode has.
  const previous = process.env.POINTBOOK_E2E_BROWSER
  process.env.POINTBOOK_E2E_BROWSER = 'chromium'
  const app = await launchApp({ route: '#/articles' }).finally(() => {
    if (previous === undefined) delete process.env.POINTBOOK_E2E_BROWSER
    else process.env.POINTBOOK_E2E_BROWSER = previous
  })
  const blank: Sample[] = []
  const library: Sample[] = []
  try {
    // The launch page would go on prefetching screens in idle time: park it on a blank page.
    await app.page.goto('about:blank')
    // Warm-up: the core's first queries and Chromium's first navigations are not timed.
    await sample(app, 'library')
    await sample(app, 'blank')
    for (let run = 0; run < runs; run++) {
      blank.push(await sample(app, 'blank'))
      library.push(await sample(app, 'library'))
    }
  } finally {
    await app.close()
    rmSync(app.dataDir, { recursive: true, force: true })
  }
  const blankFcp = median(blank.map((s) => s.fcp))
  const libraryFcp = median(library.map((s) => s.fcp))
  const listVisible = median(library.map((s) => s.listVisible ?? Number.NaN))
  const scriptsArrived = median(library.map((s) => s.scriptsArrived ?? Number.NaN))
  const result: FirstScreenResult = {
    runs,
    medianMs: {
      blankFcp: round(blankFcp),
      libraryFcp: round(libraryFcp),
      listVisible: round(listVisible),
      scriptsArrived: round(scriptsArrived)
    },
    ratio: { fcp: round(libraryFcp / blankFcp, 2), listVisible: round(listVisible / blankFcp, 2) },
    target: TARGET_RATIO,
    load: { average: round(loadavg()[0] ?? 0, 1), cores: cpus().length },
    maxLayoutShift: round(Math.max(...library.map((s) => s.layoutShift)), 4),
    startup: startupFiles()
  }
  mkdirSync(join(ROOT, 'artifacts'), { recursive: true })
  writeFileSync(join(ROOT, 'artifacts', 'first-screen.json'), JSON.stringify(result, null, 2))
  writeSection(toMarkdown(result))
  console.log(JSON.stringify(result, null, 2))
  return result
}

function toMarkdown(r: FirstScreenResult): string {
  const verdict = (ratio: number): string => (ratio <= r.target ? 'within' : 'over')
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`
  return [
    SECTION_TITLE,
    `Medians of ${r.runs} interleaved runs in one Chromium (\`bench/first-screen.ts\`), ms from navigation start;`,
    `load average ${r.load.average} on ${r.load.cores} cores when the runs ended.`,
    'The blank page (one line of text) is served by the same harness routing as the app, so both',
    'pay the same cost per request; the core is opened and warmed up before timing starts.',
    '',
    '| | ms | × blank first paint |',
    '| --- | --- | --- |',
    `| blank page, first contentful paint | ${r.medianMs.blankFcp} | 1.00 |`,
    `| library screen, first contentful paint | ${r.medianMs.libraryFcp} | **${r.ratio.fcp}×** (target ≤ ${r.target}×: ${verdict(r.ratio.fcp)}) |`,
    `| library screen, article list visible | ${r.medianMs.listVisible} | **${r.ratio.listVisible}×** |`,
    '',
    'The first contentful paint is the app frame drawn from index.html (top bar, sidebar, no script',
    'needed; its styles are inside index.html); React then replaces it with the same boxes. The list',
    `needs the start-up scripts, which the harness had delivered at ${r.medianMs.scriptsArrived} ms (each file goes through`,
    "Playwright's request routing; the app reads them from disk), then their evaluation and the first",
    'render. The library request is sent by the small entry script while React is still on its way',
    '(src/renderer/src/main.tsx). The page is left alone until the list is painted (the bench waits',
    'on a console line, so no probe runs in the page while it starts).',
    `Start-up: ${kb(r.startup.jsBytes)} JS in ${r.startup.files.length} files` +
      (r.startup.cssBytes > 0 ? ` + ${kb(r.startup.cssBytes)} CSS files` : '') +
      ` + ${kb(r.startup.inlineCssBytes)} CSS inside index.html` +
      ` (mermaid, pdf.js, zod in it: ${r.startup.heavy.length === 0 ? 'none' : r.startup.heavy.join(', ')}).` +
      ` Largest layout shift while starting: ${r.maxLayoutShift}.`,
    'History, same harness and machine: before the start-up work (59e8678) 5.2× and 6.2×, 285.3 kB',
    'JS + 23.2 kB CSS in 6 files, the screen blank until React had rendered; at 94fd1f9 (idle, load',
    '1-2) 2× and 3.09×, 361.2 kB JS + 21.1 kB CSS in 15 files, zod among them. What changed since,',
    "and why, is in docs/architecture.md §6 (the renderer's first screen).",
    ''
  ].join('\n')
}

/** Replaces this bench's section of docs/bench.md (or appends it); the rest is run.ts's. */
function writeSection(section: string): void {
  const current = existsSync(BENCH_MD) ? readFileSync(BENCH_MD, 'utf8') : '# Benchmarks\n'
  const start = current.indexOf(SECTION_TITLE)
  if (start === -1) {
    writeFileSync(BENCH_MD, `${current.trimEnd()}\n\n${section}`)
    return
  }
  const next = current.indexOf('\n## ', start + SECTION_TITLE.length)
  const rest = next === -1 ? '' : current.slice(next + 1)
  writeFileSync(BENCH_MD, `${current.slice(0, start)}${section}${rest ? `\n${rest}` : ''}`)
}
