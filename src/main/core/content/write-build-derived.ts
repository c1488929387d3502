import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { sanitizeSvg } from '../../../shared/markdown/sanitize-svg'
import { markdownToSearchText } from '../search/markdown-text'
import { DERIVED_FILE, DERIVED_FORMAT, derivedKey } from './build-derived'
import type { DerivedFile, DerivedKind } from './build-derived'
import { acupointFileSchema, muscleFileSchema } from '../../../shared/atlas/content-schema'
import { checkAtlasYaml } from '../atlas/builtin-atlas'
import { splitFrontMatter } from './front-matter'
import { isJsonExact } from './yaml'

/**
 * Build step (electron.vite.config.ts, and the start-up bench for the content it measures):
 * the code id of the source tree and `resources/derived-content.json` (build-derived.ts says why).
 */

/** A hash of every file under src/ and the lock file: the code a bundle of this tree runs. */
export function sourceCodeId(root: string): string {
  const hash = createHash('sha256')
  const visit = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0
    )
    for (const entry of entries) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) visit(path)
      else if (entry.isFile()) {
        const bytes = readFileSync(path)
        hash.update(`${relative(root, path)} ${bytes.length}\n`)
        hash.update(bytes)
      }
    }
  }
  visit(join(root, 'src'))
  hash.update(readFileSync(join(root, 'package-lock.json')))
  return hash.digest('hex')
}

function files(dir: string, extension: string): string[] {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return []
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return files(path, extension)
    return entry.isFile() && entry.name.endsWith(extension) ? [path] : []
  })
}

/**
 * Writes `<resourcesDir>/derived-content.json` for the code `codeId`: the search text of every
 * built-in article body, the sanitized form of every shipped diagram and every atlas file as its
 * schema accepts it. A file that cannot be
 * read this way is left out (the import computes it, and reports it if it is bad).
 */
export function writeBuildDerived(
  resourcesDir: string,
  codeId: string,
  write: (path: string, data: string) => void
): number {
  const values: Record<string, string> = {}
  const content = join(resourcesDir, 'content')
  for (const path of files(join(content, 'articles'), '.md')) {
    try {
      // The article importer indexes the body after its front matter, trimmed at the end.
      const body = splitFrontMatter(readFileSync(path, 'utf8')).body.trimEnd()
      values[derivedKey('search-text', body)] = markdownToSearchText(body)
    } catch {
      // Left to the importer.
    }
  }
  // The atlas files as their schemas accept them (what the atlas importer checks on each one).
  const check = (folder: string, kind: DerivedKind, accept: (text: string) => unknown): void => {
    for (const path of files(join(content, folder), '.yaml')) {
      const text = readFileSync(path, 'utf8')
      try {
        const value = accept(text)
        if (isJsonExact(value)) values[derivedKey(kind, text)] = JSON.stringify(value)
      } catch {
        // Left to the importer, which reports it.
      }
    }
  }
  check('muscles', 'atlas-muscle', (text) => checkAtlasYaml(text, muscleFileSchema))
  check('acupoints', 'atlas-acupoints', (text) => checkAtlasYaml(text, acupointFileSchema))
  for (const path of files(join(content, 'diagrams'), '.svg')) {
    const svg = readFileSync(path, 'utf8')
    values[derivedKey('clean-svg', svg)] = sanitizeSvg(svg)
  }
  const file: DerivedFile = { format: DERIVED_FORMAT, codeId, values }
  write(join(resourcesDir, DERIVED_FILE), JSON.stringify(file))
  return Object.keys(values).length
}
