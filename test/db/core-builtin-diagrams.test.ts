import { chmodSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Nodes } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { describe, expect, it } from 'vitest'
import {
  builtinArticleDiagrams,
  builtinDiagramsDir
} from '../../src/main/core/diagrams/builtin-diagrams'
import { diagramKey } from '../../src/main/core/diagrams/diagram-cache'
import { findHostileMarkup } from '../../src/shared/markdown'
import { call, openTestLibrary, tempDir, writeBuiltinArticle } from './helpers'

const REAL_RESOURCES = resolve(__dirname, '../../resources')
const HOSTILE_SVGS = resolve(__dirname, '../fixtures/hostile/svg')
const SOURCE = 'flowchart TD\n  A[Needle] --> B[Twitch]'

/** The text an SVG shows, one space between its text runs (labels wrap into several). */
function shownText(svg: string): string {
  const parts: string[] = []
  const walk = (node: Nodes): void => {
    if (node.type === 'element' && node.tagName === 'style') return
    if (node.type === 'text') parts.push(node.value)
    if ('children' in node) node.children.forEach(walk)
  }
  walk(fromHtml(svg, { fragment: true }))
  return parts.join(' ').replace(/\s+/g, ' ')
}

/** The node and edge labels written in a flowchart's source: `A[label]`, `B{label}`, `|label|`. */
function flowchartLabels(source: string): string[] {
  const labels = [...source.matchAll(/\[([^\]]+)\]|\{([^}]+)\}|\|([^|]+)\|/g)].map(
    (match) => match[1] ?? match[2] ?? match[3] ?? ''
  )
  return [...new Set(labels.map((label) => label.trim()))]
}

function shipSvg(resourcesDir: string, file: string, svg: string): void {
  const dir = builtinDiagramsDir(resourcesDir)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, file), svg)
}

const TWITCH_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" height="5"></rect><text>Shipped twitch</text></svg>'

describe('built-in diagrams', () => {
  const articles = builtinArticleDiagrams(REAL_RESOURCES, () => undefined)

  it('finds the diagrams of the real built-in articles', () => {
    expect(articles.map((a) => a.id)).toEqual(
      expect.arrayContaining(['course-of-care', 'screening-contraindications'])
    )
  })

  it('are in the diagram cache of a fresh library, clean and with their labels (F3, S9)', async () => {
    const { library, warnings } = openTestLibrary({ resourcesDir: REAL_RESOURCES })
    expect(warnings).toEqual([])
    for (const { id, sources } of articles) {
      for (const source of sources) {
        const { svg } = await call(library, 'diagrams:get', { source })
        expect(svg, `${id}: no shipped SVG, run \`npm run diagrams\``).not.toBeNull()
        expect(svg).toMatch(/^<svg [^>]*aria-roledescription="flowchart-v2"/)
        expect(findHostileMarkup(svg ?? '')).toEqual([])
        const text = shownText(svg ?? '')
        const labels = flowchartLabels(source)
        expect(labels.length).toBeGreaterThan(5)
        for (const label of labels) expect(text, `${id}: label "${label}"`).toContain(label)
      }
    }
  })

  it('are imported on an upgrade, and an SVG the cache already has is never replaced', async () => {
    const resourcesDir = tempDir('pointbook-resources-')
    const first = openTestLibrary({ resourcesDir })
    const other = 'flowchart LR\n  X[Assess] --> Y[Treat]'
    const ownSvg = TWITCH_SVG.replace('Shipped twitch', 'Drawn here')
    await call(first.library, 'diagrams:put', { source: other, svg: ownSvg })
    const ownStored = (await call(first.library, 'diagrams:get', { source: other })).svg

    // The next version of the app ships both diagrams.
    shipSvg(resourcesDir, `${diagramKey(SOURCE)}.svg`, TWITCH_SVG)
    shipSvg(resourcesDir, `${diagramKey(other)}.svg`, TWITCH_SVG.replace('twitch', 'other'))
    const { library, warnings } = first.reopen()
    expect(warnings).toEqual([])
    expect((await call(library, 'diagrams:get', { source: SOURCE })).svg).toContain(
      'Shipped twitch'
    )
    // Keyed like diagrams:put: the same source with Windows line endings finds it.
    expect(
      (await call(library, 'diagrams:get', { source: SOURCE.replace(/\n/g, '\r\n') })).svg
    ).toContain('Shipped twitch')
    expect((await call(library, 'diagrams:get', { source: other })).svg).toBe(ownStored)
  })

  it('sanitizes a hostile shipped SVG exactly like diagrams:put (S9)', async () => {
    const hostileFiles = readdirSync(HOSTILE_SVGS).filter((f) => !f.startsWith('benign'))
    expect(hostileFiles.length).toBeGreaterThan(3)
    const resourcesDir = tempDir('pointbook-resources-')
    const sources = hostileFiles.map((file) => `flowchart TD\n  A[${file}] --> B[Twitch]`)
    hostileFiles.forEach((file, n) => {
      const svg = readFileSync(join(HOSTILE_SVGS, file), 'utf8')
      expect(findHostileMarkup(svg), file).not.toEqual([])
      shipSvg(resourcesDir, `${diagramKey(sources[n] ?? '')}.svg`, svg)
    })
    const { library, warnings } = openTestLibrary({ resourcesDir })
    const put = openTestLibrary()
    for (const [n, file] of hostileFiles.entries()) {
      const source = sources[n] ?? ''
      const imported = (await call(library, 'diagrams:get', { source })).svg
      const svg = readFileSync(join(HOSTILE_SVGS, file), 'utf8')
      const viaPut = await call(put.library, 'diagrams:put', { source, svg })
        .then(async () => (await call(put.library, 'diagrams:get', { source })).svg)
        .catch(() => null)
      // The same result as diagrams:put: the cleaned SVG, or skipped when nothing of it is left.
      expect(imported, file).toBe(viaPut)
      if (imported !== null) {
        expect(imported).toMatch(/^<svg/)
        expect(findHostileMarkup(imported), file).toEqual([])
      } else {
        expect(warnings.join('\n')).toContain(`${diagramKey(source)}.svg was skipped`)
      }
    }
    expect(
      (await Promise.all(sources.map((source) => call(library, 'diagrams:get', { source }))))
        .map((r) => r.svg)
        .filter((svg) => svg !== null).length
    ).toBeGreaterThan(0)
  })

  it('skips bad files with a warning and imports the rest', async () => {
    const resourcesDir = tempDir('pointbook-resources-')
    shipSvg(resourcesDir, `${diagramKey(SOURCE)}.svg`, TWITCH_SVG)
    shipSvg(resourcesDir, 'course-of-care.svg', TWITCH_SVG)
    shipSvg(resourcesDir, `${diagramKey('flowchart TD\n  A --> B')}.svg`, '<div>not svg</div>')
    const { library, warnings } = openTestLibrary({ resourcesDir })
    expect(warnings).toHaveLength(2)
    expect(warnings.join('\n')).toMatch(/course-of-care\.svg was skipped\. Its name must be/)
    expect(warnings.join('\n')).toMatch(/was skipped\. It is not an SVG drawing/)
    expect((await call(library, 'diagrams:get', { source: SOURCE })).svg).toContain(
      'Shipped twitch'
    )
  })

  it('warns about a missing folder only when a built-in article has a diagram', () => {
    const plain = tempDir('pointbook-resources-')
    writeBuiltinArticle(plain, { id: 'plain', body: 'No diagram here.' })
    expect(openTestLibrary({ resourcesDir: plain }).warnings).toEqual([])

    const withDiagram = tempDir('pointbook-resources-')
    writeBuiltinArticle(withDiagram, {
      id: 'with-diagram',
      body: `Steps:\n\n\`\`\`mermaid\n${SOURCE}\n\`\`\``
    })
    const { warnings } = openTestLibrary({ resourcesDir: withDiagram })
    expect(warnings).toEqual([
      'The built-in diagrams could not be read (the folder is missing): built-in articles will draw their diagrams the first time they are opened.'
    ])
  })

  it('an unreadable folder is a warning, and the library still opens', async () => {
    const resourcesDir = tempDir('pointbook-resources-')
    // A file where the folder should be: readdir fails (ENOTDIR), as for an unreadable folder.
    mkdirSync(join(resourcesDir, 'content'), { recursive: true })
    writeFileSync(builtinDiagramsDir(resourcesDir), 'not a folder')
    writeBuiltinArticle(resourcesDir, { id: 'still-here' })
    const { library, warnings } = openTestLibrary({ resourcesDir })
    expect(warnings).toEqual([expect.stringMatching(/diagrams could not be read \(ENOTDIR\)/)])
    expect((await call(library, 'articles:list', {})).map((a) => a.id)).toEqual(['still-here'])
  })

  it.skipIf(process.getuid?.() === 0)('a shipped file that cannot be read is a warning', () => {
    const resourcesDir = tempDir('pointbook-resources-')
    const file = `${diagramKey(SOURCE)}.svg`
    shipSvg(resourcesDir, file, TWITCH_SVG)
    chmodSync(join(builtinDiagramsDir(resourcesDir), file), 0o000)
    const { warnings } = openTestLibrary({ resourcesDir })
    expect(warnings).toEqual([expect.stringMatching(/could not be read \(EACCES\)/)])
  })
})
