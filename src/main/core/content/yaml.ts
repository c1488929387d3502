import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type * as Yaml from 'yaml'

/**
 * YAML for the built-in content, parsed at build time when it can be.
 *
 * Parsing the shipped YAML (about 0.6 MB: the atlas and every front matter) with the `yaml`
 * package cost about 0.9 s of CPU on a first run, most of the first run's budget
 * (docs/bench.md); the same data as JSON parses in a few milliseconds. `npm run build` writes
 * `resources/parsed-yaml.json` (`writeParsedYaml`): for each YAML text, keyed by the sha256 of the
 * text, the value `yaml.parse` gives. While an import runs (`withParsedYaml`), `parseYaml` takes
 * a text's value from that file when the file holds that very text, and parses it otherwise (a
 * folder without the file, content edited since the build, a test's fixture): the result is the
 * same either way, only the cost differs. An entry is written only when JSON carries the value
 * exactly and the text parses without error or warning, so every error message still comes
 * from the `yaml` package itself.
 *
 * `yaml` itself is loaded on first use only, so a start-up that imports nothing never loads it.
 */

/** The build's file, in the resources folder (outside every content folder, so no module's hash). */
export const PARSED_YAML_FILE = 'parsed-yaml.json'

/** Bump when the file's shape changes; a file of another format is ignored. */
const FORMAT = 1

interface ParsedYamlFile {
  readonly format: number
  /** The `yaml` package version that parsed the texts: another version's file is ignored. */
  readonly yamlVersion: string
  readonly values: Readonly<Record<string, unknown>>
}

type YamlPackage = typeof Yaml

let yamlPackage: YamlPackage | undefined
/** The `yaml` package, required on first use (see the file comment). */
function yaml(): YamlPackage {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, on purpose
  yamlPackage ??= require('yaml') as YamlPackage
  return yamlPackage
}

function yamlVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- read once, at build time
  return (require('yaml/package.json') as { version: string }).version
}

const keyOf = (text: string): string => createHash('sha256').update(text).digest('hex')

/** The parsed values of the import that is running (null: parse everything). */
let current: ReadonlyMap<string, unknown> | null = null

/**
 * Runs `work` (one import) with the build's parsed YAML of `resourcesDir`, when it has one that
 * this copy of `yaml` wrote. The file is read only here, so only a start-up that imports reads it.
 */
export function withParsedYaml<T>(resourcesDir: string, work: () => T): T {
  const previous = current
  current = readParsedYaml(resourcesDir)
  try {
    return work()
  } finally {
    current = previous
  }
}

function readParsedYaml(resourcesDir: string): ReadonlyMap<string, unknown> | null {
  let file: ParsedYamlFile
  try {
    file = JSON.parse(readFileSync(join(resourcesDir, PARSED_YAML_FILE), 'utf8')) as ParsedYamlFile
  } catch {
    // No file (a folder that was not built) or an unreadable one: parse the texts instead.
    return null
  }
  if (file.format !== FORMAT || typeof file.values !== 'object' || file.values === null) {
    return null
  }
  // Written by another version of `yaml`: its values might differ from what this one parses.
  if (file.yamlVersion !== yamlVersion()) return null
  return new Map(Object.entries(file.values))
}

/** `yaml.parse(text)`: from the build's file during an import when it holds this text. */
export function parseYaml(text: string): unknown {
  if (current !== null) {
    const key = keyOf(text)
    if (current.has(key)) return structuredClone(current.get(key))
  }
  return yaml().parse(text) as unknown
}

/** The front matter of a markdown file: the YAML between the two `---` lines. */
export const FRONT_MATTER_RE = /^---\n([\s\S]*?)\n---(?:\n|$)([\s\S]*)$/

/** The text as the front-matter reader sees it: no BOM, \n line endings. */
export const normaliseText = (text: string): string =>
  text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')

/** Whether JSON gives this value back exactly: plain data, finite numbers, no -0. */
export function isJsonExact(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0)
  if (Array.isArray(value)) return value.every(isJsonExact)
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false
  return Object.entries(value).every(([key, item]) => key !== '__proto__' && isJsonExact(item))
}

/** Every YAML text the importers parse under `<resourcesDir>/content`: .yaml files, front matter. */
function shippedYamlTexts(contentDir: string): string[] {
  const texts: string[] = []
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) visit(path)
      else if (/\.ya?ml$/.test(entry.name)) texts.push(readFileSync(path, 'utf8'))
      else if (entry.name.endsWith('.md')) {
        const match = FRONT_MATTER_RE.exec(normaliseText(readFileSync(path, 'utf8')))
        if (match) texts.push(match[1] as string)
      }
    }
  }
  visit(contentDir)
  return texts
}

/**
 * Build step (`npm run build`, electron.vite.config.ts): writes `<resourcesDir>/parsed-yaml.json`
 * from the YAML under `<resourcesDir>/content`. Returns how many texts it holds.
 */
export function writeParsedYaml(
  resourcesDir: string,
  write: (path: string, data: string) => void
): number {
  const values: Record<string, unknown> = {}
  for (const text of shippedYamlTexts(join(resourcesDir, 'content'))) {
    const doc = yaml().parseDocument(text)
    // Left to the importer, which reports it with the yaml package's own message.
    if (doc.errors.length > 0 || doc.warnings.length > 0) continue
    const value = doc.toJS() as unknown
    // JSON cannot carry everything YAML can (-0, .inf, .nan): such a text is parsed at import.
    if (!isJsonExact(value)) continue
    values[keyOf(text)] = value
  }
  const file: ParsedYamlFile = { format: FORMAT, yamlVersion: yamlVersion(), values }
  write(join(resourcesDir, PARSED_YAML_FILE), JSON.stringify(file))
  return Object.keys(values).length
}
