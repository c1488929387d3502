import { readFileSync, readdirSync } from 'node:fs'
import { ShippedFileError, readShippedText } from '../content/shipped-file'
import { join } from 'node:path'
import { ApiError } from '../../../shared/api/errors'
import { renderMarkdown } from '../../../shared/markdown'
import { builtinArticlesDir, loadBuiltinArticles } from '../articles/builtin-articles'
import type { Db } from '../db/sqlite'
import type { WarningLogger } from '../logger'
import { DIAGRAM_KEY } from './diagram-cache'
import type { DiagramCache } from './diagram-cache'

/**
 * Where the shipped diagrams live, under the resources folder: `<diagramKey(source)>.svg` per
 * mermaid block of the built-in articles, and `index.json` ({ key: { article, mermaidVersion } },
 * for people and the check in test/unit). Written by `npm run diagrams` (scripts/render-diagrams.ts).
 */
export const builtinDiagramsDir = (resourcesDir: string): string =>
  join(resourcesDir, 'content', 'diagrams')

export const BUILTIN_DIAGRAM_INDEX = 'index.json'

export interface BuiltinDiagramIndexEntry {
  /** The id of the built-in article the diagram is drawn for. */
  readonly article: string
  /** The mermaid version that drew it. */
  readonly mermaidVersion: string
}

export interface ArticleDiagrams {
  /** The built-in article's id. */
  readonly id: string
  /** The sources of its figures, in order (a diagram shown twice is listed twice). */
  readonly sources: readonly string[]
}

/**
 * The built-in articles with mermaid diagrams, found exactly as the renderer finds them
 * (renderMarkdown(body).diagrams): what `npm run diagrams` draws and what a test checks is shipped.
 */
export function builtinArticleDiagrams(
  resourcesDir: string,
  warn: WarningLogger
): ArticleDiagrams[] {
  return loadBuiltinArticles(builtinArticlesDir(resourcesDir), warn)
    .items.map(({ id, content }) => ({
      id,
      sources: renderMarkdown(content.body).diagrams.map((diagram) => diagram.source)
    }))
    .filter((article) => article.sources.length > 0)
}

/** The contract's limit for a stored SVG (diagrams:put). */
const MAX_SVG_CHARS = 2_000_000

export interface BuiltinDiagramImportReport {
  /** Keys stored now. */
  readonly imported: string[]
  /** Keys the cache already had an SVG for (left as they are). */
  readonly kept: string[]
  readonly skipped: { readonly file: string; readonly reason: string }[]
}

export interface BuiltinDiagramImportDeps {
  readonly db: Db
  readonly diagrams: DiagramCache
  readonly warn: WarningLogger
}

/**
 * First run and upgrades: puts the shipped SVG of every built-in diagram into the diagram cache,
 * so opening a built-in article needs no mermaid run (a 130–190 ms task on the UI thread, F3).
 * Each SVG is sanitized exactly as diagrams:put does, and an SVG the cache already has for that
 * source is never replaced. Only files the cache lacks are read, so an ordinary start-up costs a
 * directory listing and one lookup per file. Bad files and a missing or unreadable folder are
 * warnings: the article then draws its diagram with mermaid, as for any other article.
 */
export function importBuiltinDiagrams(
  resourcesDir: string,
  deps: BuiltinDiagramImportDeps
): BuiltinDiagramImportReport {
  const report: BuiltinDiagramImportReport = { imported: [], kept: [], skipped: [] }
  const dir = builtinDiagramsDir(resourcesDir)
  const skip = (file: string, reason: string): void => {
    report.skipped.push({ file, reason })
    deps.warn(`The built-in diagram ${file} was skipped. ${reason}`)
  }
  let files: string[]
  try {
    files = readdirSync(dir)
      .filter((file) => file.endsWith('.svg'))
      .sort()
  } catch (error) {
    const code = errorCode(error)
    if (code !== 'ENOENT' || shippedArticlesHaveDiagrams(resourcesDir)) {
      deps.warn(
        `The built-in diagrams could not be read (${code === 'ENOENT' ? 'the folder is missing' : code}): ` +
          'built-in articles will draw their diagrams the first time they are opened.'
      )
    }
    return report
  }
  const pending: { file: string; key: string; svg: string }[] = []
  for (const file of files) {
    const key = file.slice(0, -'.svg'.length)
    if (!DIAGRAM_KEY.test(key)) {
      skip(file, 'Its name must be the sha256 of the diagram source in hex, then ".svg".')
      continue
    }
    if (deps.diagrams.hasKey(key)) {
      report.kept.push(key)
      continue
    }
    let svg: string
    try {
      svg = readShippedText(join(dir, file))
    } catch (error) {
      if (!(error instanceof ShippedFileError)) throw error
      skip(file, error.message)
      continue
    }
    if (svg.length > MAX_SVG_CHARS) {
      skip(file, `It is larger than ${MAX_SVG_CHARS.toLocaleString('en')} characters.`)
      continue
    }
    pending.push({ file, key, svg })
  }
  if (pending.length === 0) return report
  deps.db.transaction(() => {
    for (const { file, key, svg } of pending) {
      try {
        if (deps.diagrams.putIfAbsent(key, svg)) report.imported.push(key)
        else report.kept.push(key)
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'invalid_input') throw error
        skip(file, 'It is not an SVG drawing.')
      }
    }
  })()
  return report
}

/**
 * Whether a missing diagrams folder matters: some shipped article has a mermaid block. A plain
 * text check is enough for a warning; it only runs when the folder is missing.
 */
function shippedArticlesHaveDiagrams(resourcesDir: string): boolean {
  const dir = builtinArticlesDir(resourcesDir)
  try {
    return readdirSync(dir)
      .filter((file) => file.endsWith('.md'))
      .some((file) =>
        /^\s{0,3}(`{3,}|~{3,})\s*mermaid\b/m.test(readFileSync(join(dir, file), 'utf8'))
      )
  } catch {
    return false
  }
}

function errorCode(error: unknown): string {
  return (error as { code?: string }).code ?? String(error)
}
