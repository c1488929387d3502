import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  BUILTIN_DIAGRAM_INDEX,
  builtinArticleDiagrams,
  builtinDiagramsDir
} from '../../src/main/core/diagrams/builtin-diagrams'
import type { BuiltinDiagramIndexEntry } from '../../src/main/core/diagrams/builtin-diagrams'
import { diagramKey } from '../../src/main/core/diagrams/diagram-cache'

const RESOURCES = resolve(__dirname, '../../resources')
const DIR = builtinDiagramsDir(RESOURCES)
const RUN_IT =
  'Run `npx electron-vite build && npm run diagrams` and commit resources/content/diagrams/.'

/**
 * Every diagram of a built-in article ships drawn (F3: opening a built-in article runs no
 * mermaid). Editing a diagram in resources/content/articles/ without redrawing fails here.
 */
describe('shipped diagrams match the built-in articles', () => {
  const problems: string[] = []
  const articles = builtinArticleDiagrams(RESOURCES, (message) => problems.push(message))
  const expected = new Map<string, string>()
  for (const { id, sources } of articles) {
    for (const source of sources) {
      const key = diagramKey(source)
      if (!expected.has(key)) expected.set(key, id)
    }
  }
  const shipped = existsSync(DIR)
    ? readdirSync(DIR)
        .filter((file) => file.endsWith('.svg'))
        .map((file) => file.slice(0, -'.svg'.length))
    : []
  const index = existsSync(join(DIR, BUILTIN_DIAGRAM_INDEX))
    ? (JSON.parse(readFileSync(join(DIR, BUILTIN_DIAGRAM_INDEX), 'utf8')) as Record<
        string,
        BuiltinDiagramIndexEntry
      >)
    : {}

  it('reads the built-in articles without a problem', () => {
    expect(problems).toEqual([])
    expect(expected.size).toBeGreaterThan(0)
  })

  it('ships an SVG for every ```mermaid block', () => {
    const missing = [...expected]
      .filter(([key]) => !shipped.includes(key))
      .map(([key, article]) => `${article} (${key}.svg)`)
    expect(missing, `Diagrams without a shipped SVG: ${missing.join(', ')}. ${RUN_IT}`).toEqual([])
  })

  it('ships no SVG for a diagram no built-in article has any more', () => {
    const stale = shipped.filter((key) => !expected.has(key)).map((key) => `${key}.svg`)
    expect(stale, `Stale shipped diagrams: ${stale.join(', ')}. ${RUN_IT}`).toEqual([])
  })

  it('lists every shipped SVG in index.json with its article', () => {
    const listed = Object.fromEntries(Object.entries(index).map(([key, e]) => [key, e.article]))
    expect(listed, `resources/content/diagrams/index.json is out of date. ${RUN_IT}`).toEqual(
      Object.fromEntries(expected)
    )
    for (const entry of Object.values(index)) expect(entry.mermaidVersion).toMatch(/^\d+\.\d+\./)
  })
})
