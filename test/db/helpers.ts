import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onTestFinished } from 'vitest'
import { ApiError } from '../../src/shared/api'
import type { ApiInput, ApiOutput, Channel } from '../../src/shared/api'
import { dispatch } from '../../src/main/core/api/dispatch'
import { openLibrary } from '../../src/main/core'
import type { Library, LibraryOptions } from '../../src/main/core'
import type { Db } from '../../src/main/core/db/sqlite'

/** A fresh folder for one test, removed when the test ends. */
export function tempDir(prefix = 'pointbook-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A clock the test moves by hand. */
export interface TestClock {
  readonly now: () => Date
  set(iso: string): void
  advance(ms: number): void
}

export function testClock(start = '2025-03-01T09:00:00.000Z'): TestClock {
  let current = Date.parse(start)
  return {
    now: () => new Date(current),
    set: (iso) => {
      current = Date.parse(iso)
    },
    advance: (ms) => {
      current += ms
    }
  }
}

export const HOUR = 60 * 60 * 1000
export const DAY = 24 * HOUR

export interface ArticleFixture {
  readonly id: string
  readonly title?: string
  readonly category?: string
  readonly tags?: readonly string[]
  readonly summary?: string
  readonly contentVersion?: number
  readonly body?: string
}

/** Writes resources/content/articles/<id>.md in the format of docs/content-format.md. */
export function writeBuiltinArticle(resourcesDir: string, article: ArticleFixture): void {
  const dir = join(resourcesDir, 'content', 'articles')
  mkdirSync(dir, { recursive: true })
  const front = [
    '---',
    `id: ${article.id}`,
    `title: ${article.title ?? `Title of ${article.id}`}`,
    `category: ${article.category ?? 'ims'}`,
    `tags: [${(article.tags ?? ['ims']).join(', ')}]`,
    `summary: ${article.summary ?? `Summary of ${article.id}.`}`,
    `contentVersion: ${article.contentVersion ?? 1}`,
    'references:',
    '  - authors: "Gunn CC"',
    '    title: "The Gunn approach to the treatment of chronic pain"',
    '    year: 1996',
    '    source: "Churchill Livingstone"',
    '---'
  ]
  writeFileSync(join(dir, `${article.id}.md`), `${front.join('\n')}\n${article.body ?? 'Body.'}\n`)
}

export interface TestLibrary {
  readonly library: Library
  readonly dataDir: string
  readonly resourcesDir: string
  readonly clock: TestClock
  readonly warnings: string[]
  /** Closes and opens the same folders again (same clock and warning list). */
  reopen(extra?: Partial<LibraryOptions>): TestLibrary
}

export interface TestLibraryOptions {
  readonly dataDir?: string
  readonly resourcesDir?: string
  readonly clock?: TestClock
  readonly warnings?: string[]
  readonly extra?: Partial<LibraryOptions>
}

/** Opens a library on temp folders; closed automatically when the test ends. */
export function openTestLibrary(options: TestLibraryOptions = {}): TestLibrary {
  const dataDir = options.dataDir ?? tempDir()
  const resourcesDir = options.resourcesDir ?? tempDir('pointbook-resources-')
  const clock = options.clock ?? testClock()
  const warnings = options.warnings ?? []
  const library = openLibrary({
    dataDir,
    resourcesDir,
    appVersion: '1.2.3-test',
    warn: (message) => warnings.push(message),
    ...options.extra,
    platform: { clock: clock.now, ...options.extra?.platform }
  })
  onTestFinished(() => library.close())
  const opened: TestLibrary = {
    library,
    dataDir,
    resourcesDir,
    clock,
    warnings,
    reopen: (extra) => {
      library.close()
      return openTestLibrary({
        dataDir,
        resourcesDir,
        clock,
        warnings,
        extra: extra ?? options.extra
      })
    }
  }
  return opened
}

/** Calls a channel the way the app does (zod on input and output); failures throw ApiError. */
export async function call<C extends Channel>(
  library: Library,
  channel: C,
  input: ApiInput<C>
): Promise<ApiOutput<C>> {
  const result = await dispatch(library.handlers, channel, input, (message, error) => {
    throw new Error(`${message}: ${String(error)}`)
  })
  if (!result.ok) throw new ApiError(result.error.code, result.error.message)
  return result.value as ApiOutput<C>
}

/** The ApiError a promise or function fails with (fails the test when there is none). */
export async function apiErrorOf(work: Promise<unknown> | (() => unknown)): Promise<ApiError> {
  try {
    await (typeof work === 'function' ? work() : work)
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('Expected an ApiError, but the call succeeded.')
}

export const sha256File = (path: string): string =>
  createHash('sha256').update(readFileSync(path)).digest('hex')

export const sidecarFiles = (dbPath: string): string[] =>
  ['-wal', '-shm', '-journal'].filter((suffix) => existsSync(dbPath + suffix))

export const draft = (
  title: string,
  body = 'Body text.',
  extra: Partial<ArticleDraftInput> = {}
) => ({
  title,
  body,
  category: 'ims' as const,
  tags: [] as string[],
  summary: '',
  ...extra
})

type ArticleDraftInput = ApiInput<'articles:create'>

/** The `detail` column of EXPLAIN QUERY PLAN for a query, with a dummy value for each `?`. */
export function queryPlanDetails(db: Db, sql: string): string[] {
  const params = (sql.match(/\?/g) ?? []).map(() => 'x')
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]
  return plan.map((row) => row.detail)
}
