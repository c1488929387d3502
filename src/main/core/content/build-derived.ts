import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Values the first run would compute from the shipped content, computed by the build instead.
 *
 * A first run spent about 0.3 s of CPU turning the built-in articles' markdown into search text
 * and 0.15 s sanitizing the shipped diagrams (docs/bench.md), the same work on the same files on
 * every clinic's computer. `npm run build` writes `resources/derived-content.json`
 * (write-build-derived.ts): for each kind of value, the output of the core's own function keyed
 * by the sha256 of its input. While an import runs (`withBuildDerived`), `fromBuild` answers from
 * that file when it holds this very input, and computes otherwise.
 *
 * Unlike parsed YAML (yaml.ts, a package's parse), these are the core's own functions, which may
 * change: the file records the code it was computed with (`__POINTBOOK_CODE_ID__`, a hash of
 * src/ and the lock file that electron.vite.config.ts defines for the main bundle), and is used
 * only by a bundle of that same code. Anything else (tests, scripts, a build of other code)
 * computes every value, so a stale file can never change a result.
 */

declare const __POINTBOOK_CODE_ID__: string | undefined

/** The build's file, in the resources folder (outside every content folder, so no module's hash). */
export const DERIVED_FILE = 'derived-content.json'

/** Bump when the file's shape changes. */
export const DERIVED_FORMAT = 1

/**
 * What is derived: the article search text (search/markdown-text.ts), sanitized SVG (diagrams),
 * and the atlas files as their schemas accept them (atlas/builtin-atlas.ts; JSON).
 */
export type DerivedKind = 'search-text' | 'clean-svg' | 'atlas-muscle' | 'atlas-acupoints'

export interface DerivedFile {
  readonly format: number
  readonly codeId: string
  /** `${kind} ${sha256 of the input}` → the function's output. */
  readonly values: Readonly<Record<string, string>>
}

/** The code this bundle was built from, or null when it is not a build (tests, tsx). */
export const bundleCodeId = (): string | null =>
  typeof __POINTBOOK_CODE_ID__ === 'string' ? __POINTBOOK_CODE_ID__ : null

export const derivedKey = (kind: DerivedKind, input: string): string =>
  `${kind} ${createHash('sha256').update(input).digest('hex')}`

let current: ReadonlyMap<string, string> | null = null

/** Runs `work` (one import) with the build's derived values, when they are this code's. */
export function withBuildDerived<T>(resourcesDir: string, work: () => T): T {
  const previous = current
  current = readDerived(resourcesDir)
  try {
    return work()
  } finally {
    current = previous
  }
}

function readDerived(resourcesDir: string): ReadonlyMap<string, string> | null {
  const codeId = bundleCodeId()
  if (codeId === null) return null
  let file: DerivedFile
  try {
    file = JSON.parse(readFileSync(join(resourcesDir, DERIVED_FILE), 'utf8')) as DerivedFile
  } catch {
    // No file, or an unreadable one: compute every value.
    return null
  }
  if (file.format !== DERIVED_FORMAT || file.codeId !== codeId) return null
  if (typeof file.values !== 'object' || file.values === null) return null
  return new Map(Object.entries(file.values))
}

/**
 * A value the build derived from `input` as JSON (a checked file), or `compute()`. The build
 * writes only values JSON carries exactly (content/yaml.ts isJsonExact).
 */
export function fromBuildJson<T>(kind: DerivedKind, input: string, compute: () => T): T {
  const stored = current?.get(derivedKey(kind, input))
  return typeof stored === 'string' ? (JSON.parse(stored) as T) : compute()
}

/** `compute(input)`, from the build's file during an import when it holds this input. */
export function fromBuild(
  kind: DerivedKind,
  input: string,
  compute: (input: string) => string
): string {
  if (current !== null) {
    const value = current.get(derivedKey(kind, input))
    if (typeof value === 'string') return value
  }
  return compute(input)
}
