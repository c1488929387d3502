/**
 * `npm run diagrams`: draws the mermaid diagrams of the built-in articles and ships the SVGs in
 * resources/content/diagrams/, so a fresh library has them in its diagram cache (imported by
 * src/main/core/diagrams/builtin-diagrams.ts) and opening a built-in article runs no mermaid
 * (F3). Run it after changing a diagram in resources/content/articles/; a test fails until then.
 *
 * Expects the built renderer (`npx electron-vite build`). The diagrams are drawn by the app
 * itself, through the e2e harness on a fresh library, so they are exactly what a clinic's copy
 * would draw and cache (mermaid settings, sanitizing); then they are read back through the core.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { dispatch } from '../src/main/core/api/dispatch'
import {
  BUILTIN_DIAGRAM_INDEX,
  builtinArticleDiagrams,
  builtinDiagramsDir
} from '../src/main/core/diagrams/builtin-diagrams'
import type {
  ArticleDiagrams,
  BuiltinDiagramIndexEntry
} from '../src/main/core/diagrams/builtin-diagrams'
import { diagramKey } from '../src/main/core/diagrams/diagram-cache'
import { openLibrary } from '../src/main/core'
import type { Library } from '../src/main/core'
import { findHostileMarkup } from '../src/shared/markdown'
import { freshDataDir, launchApp, OUT_DIR, ROOT } from '../test/e2e/harness'
import { libraryInternals } from '../src/main/core/library'

const RESOURCES = join(ROOT, 'resources')
const DRAW_TIMEOUT_MS = 60_000

interface ShippedDiagram {
  readonly key: string
  readonly article: string
  readonly source: string
}

/** The built-in articles with diagrams; a bad article file stops the script. */
function articlesWithDiagrams(): ArticleDiagrams[] {
  const problems: string[] = []
  const articles = builtinArticleDiagrams(RESOURCES, (message) => problems.push(message))
  if (problems.length > 0) {
    throw new Error(`Fix the built-in articles first:\n${problems.join('\n')}`)
  }
  return articles
}

/** One entry per distinct diagram (the first article that draws it names it). */
function distinctDiagrams(articles: readonly ArticleDiagrams[]): ShippedDiagram[] {
  const found = new Map<string, ShippedDiagram>()
  for (const { id, sources } of articles) {
    for (const source of sources) {
      const key = diagramKey(source)
      if (!found.has(key)) found.set(key, { key, article: id, source })
    }
  }
  return [...found.values()]
}

function mermaidVersion(): string {
  const manifest = join(ROOT, 'node_modules', 'mermaid', 'package.json')
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
}

async function getSvg(library: Library, source: string): Promise<string | null> {
  const result = await dispatch(library.handlers, 'diagrams:get', { source })
  if (!result.ok) throw new Error(`diagrams:get failed: ${result.error.message}`)
  return (result.value as { svg: string | null }).svg
}

/**
 * Mermaid names each drawing `pb-diagram-<n>` after a per-session counter (its <style> and
 * marker references use the id). A shipped one is named after its key instead, so the files do
 * not depend on the order the articles were opened in and two shipped drawings never share ids.
 */
function stableIds(svg: string, key: string, drawnId: string): string {
  // Only an id from this run's counter: anything else means mermaid did not draw it just now.
  if (!/^pb-diagram-\d+$/.test(drawnId) || !svg.includes(`id="${drawnId}"`)) {
    throw new Error(`${key} was not drawn by mermaid in this run (id "${drawnId}").`)
  }
  return svg.replace(new RegExp(`${drawnId}(?!\\d)`, 'g'), `pb-diagram-${key.slice(0, 16)}`)
}

interface Drawn {
  readonly svg: string
  /** The id mermaid gave the drawing in the page. */
  readonly id: string
}

/** Draws every built-in diagram in the app and returns the SVGs the core cached for them. */
async function drawInApp(
  articles: readonly ArticleDiagrams[],
  diagrams: readonly ShippedDiagram[]
): Promise<Map<string, Drawn>> {
  const dataDir = freshDataDir()
  const ids = new Map<string, string>()
  try {
    // A first open imports the SVGs shipped so far: forget them, so mermaid draws afresh. (Before
    // the app opens the library: while it has it open, another open is read-only.)
    const first = openLibrary({ dataDir, resourcesDir: RESOURCES })
    try {
      const forget = libraryInternals(first).db.prepare(
        'DELETE FROM diagrams WHERE source_hash = ?'
      )
      for (const { key } of diagrams) forget.run(key)
    } finally {
      first.close()
    }
    const app = await launchApp({ dataDir, route: '#/articles' })
    try {
      const { page } = app
      await page.evaluate('window.__name = (f) => f') // tsx's keepNames, see bench/ui-bench.ts
      await page.locator('main h1').first().waitFor()
      // Read-only beside the app: it sees what the page stores.
      const side = openLibrary({ dataDir, resourcesDir: RESOURCES })
      try {
        for (const { id, sources } of articles) {
          // Through the list, so no figure of the previous article is still on the page.
          await page.evaluate(() => (window.location.hash = '#/articles'))
          await page.waitForFunction(() => document.querySelector('figure.diagram') === null)
          await page.evaluate((hash) => (window.location.hash = hash), `#/articles/${id}`)
          await page.waitForFunction(
            (count) =>
              document.querySelector('.diagram-error') !== null ||
              document.querySelectorAll('figure.diagram.diagram--ready svg').length === count,
            sources.length,
            { timeout: DRAW_TIMEOUT_MS }
          )
          const errors = await page.locator('.diagram-error').allTextContents()
          if (errors.length > 0) throw new Error(`${id}: ${errors.join(' ')}`)
          const drawnIds = await page
            .locator('figure.diagram svg')
            .evaluateAll((svgs) => svgs.map((svg) => svg.id))
          sources.forEach((source, n) => ids.set(diagramKey(source), drawnIds[n] ?? ''))
          // The page stores a drawing without waiting for the answer: wait until it is cached.
          for (const source of sources) {
            const deadline = Date.now() + DRAW_TIMEOUT_MS
            while ((await getSvg(side, source)) === null) {
              if (Date.now() > deadline) throw new Error(`${id}: a diagram was never cached.`)
              await page.waitForTimeout(50)
            }
          }
          console.log(`drew ${sources.length} diagram(s) of ${id}`)
        }
        if (app.externalRequests.length > 0) {
          throw new Error(`Requests left the app: ${app.externalRequests.join(', ')}`)
        }
      } finally {
        side.close()
      }
    } finally {
      await app.close()
    }
    // Read back through the core, the way the page and the print pipeline get them.
    const library = openLibrary({ dataDir, resourcesDir: RESOURCES })
    try {
      const drawn = new Map<string, Drawn>()
      for (const { key, source, article } of diagrams) {
        const svg = await getSvg(library, source)
        if (svg === null) throw new Error(`${article}: ${key} is not in the diagram cache.`)
        drawn.set(key, { svg, id: ids.get(key) ?? '' })
      }
      return drawn
    } finally {
      library.close()
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  // The harness's build: out/, or POINTBOOK_OUT_DIR (electron-vite build --outDir …).
  if (!existsSync(join(OUT_DIR, 'renderer', 'index.html'))) {
    throw new Error(
      `No built renderer in ${OUT_DIR}/renderer: run \`npx electron-vite build\` first.`
    )
  }
  const articles = articlesWithDiagrams()
  const diagrams = distinctDiagrams(articles)
  const version = mermaidVersion()
  const drawn = await drawInApp(articles, diagrams)
  const dir = builtinDiagramsDir(RESOURCES)
  mkdirSync(dir, { recursive: true })
  const index: Record<string, BuiltinDiagramIndexEntry> = {}
  for (const { key, article } of [...diagrams].sort((a, b) => a.key.localeCompare(b.key))) {
    const { svg: cached, id } = drawn.get(key) ?? { svg: '', id: '' }
    const svg = stableIds(cached, key, id)
    const hostile = findHostileMarkup(svg)
    if (hostile.length > 0) throw new Error(`${article}: hostile markup in ${key}: ${hostile}`)
    writeFileSync(join(dir, `${key}.svg`), `${svg}\n`)
    index[key] = { article, mermaidVersion: version }
  }
  // Drawings of diagrams that changed or were removed are not shipped any more.
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.svg') && !(file.slice(0, -4) in index)) {
      rmSync(join(dir, file))
      console.log(`removed ${file}`)
    }
  }
  writeFileSync(join(dir, BUILTIN_DIAGRAM_INDEX), `${JSON.stringify(index, null, 2)}\n`)
  console.log(`wrote ${Object.keys(index).length} diagram(s) to ${dir} (mermaid ${version})`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
