/**
 * The renderer tests' core: a real Pointbook library (`openLibrary`) in a fresh temporary folder,
 * installed as `window.pointbook` exactly as the preload installs it (the contract's own
 * `buildBridge`), with every call going through the core's `dispatch` (zod checks on input and
 * output, errors as ApiResults). No part of the core is imitated here.
 *
 * Everything the renderer tests know about opening, seeding and breaking a library lives in this
 * file, so a change to the core's API is adapted in one place. It uses only `openLibrary`,
 * `library.handlers`, `library.info()`, `library.close()` and `dispatch`. The one thing stubbed is
 * the platform the shell gives the core (PDF rendering, the printer, the save dialog).
 *
 * State is seeded through the real paths: built-in articles, muscles, acupoints and handouts as
 * content files the core imports on open, everything else through the API (`library.call`).
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'yaml'
import type { z } from 'zod'
import { dispatch, openLibrary } from '../../src/main/core'
import type { Library, Platform } from '../../src/main/core'
import { ApiError, BRIDGE_GLOBAL, buildBridge } from '../../src/shared/api'
import type { ApiInput, ApiOutput, ApiResult, Channel } from '../../src/shared/api'
import type { ArticleCategory, ArticleDraft } from '../../src/shared/api/articles'
import type { Reference } from '../../src/shared/api/common'
import type { ReviewStatus } from '../../src/shared/api/handouts'
import type {
  acupointFileEntrySchema,
  muscleFileSchema
} from '../../src/shared/atlas/content-schema'

/** Every seeded timestamp; the clock starts moving (one second a reading) once seeding is done. */
const SEEDED_AT = '2025-03-01T09:00:00.000Z'

/** Built-in content needs at least one reference; seeds that give none get this one. */
const DEFAULT_REFERENCE: Reference = {
  authors: 'Simons DG',
  title: 'Trigger Point Manual',
  year: 1999,
  source: 'Williams & Wilkins'
}

export interface ArticleSeed {
  /**
   * A built-in article's id (its file name). For a clinic article, the id the core gives its
   * title; seeding fails if the core gives another, so a test cannot rely on an id that a real
   * library would never have.
   */
  readonly id: string
  readonly title: string
  readonly category?: ArticleCategory
  readonly tags?: string[]
  readonly summary?: string
  readonly body?: string
  /** Built-in articles only (clinic articles have none). */
  readonly references?: Reference[]
  /** Shipped with the app: a file in <resources>/content/articles, imported when the library opens. */
  readonly isBuiltin?: boolean
  /** Saved by the clinic after the first revision, in order. */
  readonly edits?: Partial<ArticleDraft>[]
  /** Moved to the bin. */
  readonly deleted?: boolean
  /** Built-in only: a newer text an app update ships after the clinic's edits. */
  readonly shippedLater?: Partial<ArticleDraft>
}

export type MuscleSeed = z.input<typeof muscleFileSchema>
export type AcupointSeed = z.input<typeof acupointFileEntrySchema>

/** One language of a built-in handout (<resources>/content/handouts/<id>/<lang>.md). */
export interface HandoutSeed {
  readonly id: string
  readonly lang: string
  readonly title: string
  readonly summary?: string
  readonly body?: string
  readonly reviewStatus: ReviewStatus
  /** Front matter `optional: true`: a handout only some clinics use. */
  readonly optional?: boolean
}

/** What a test library holds when it opens (anything else: `library.call(...)` before rendering). */
export interface LibrarySeed {
  readonly articles?: readonly ArticleSeed[]
  readonly muscles?: readonly MuscleSeed[]
  readonly acupoints?: readonly AcupointSeed[]
  readonly handouts?: readonly HandoutSeed[]
  /** Opens the seeded library again read-only (its folder cannot be written). */
  readonly readOnly?: boolean
}

interface Call {
  readonly channel: Channel
  readonly input: unknown
}

const openLibraries = new Set<TestLibrary>()

/** A real library in its own temporary folder, with the page's side of the bridge. */
export class TestLibrary {
  readonly dataDir: string
  readonly resourcesDir: string
  /** Where "Save as PDF" writes (the stubbed save dialog answers with a file in here). */
  readonly savedDir: string
  /** What the core asked the shell to open ("Open") or show in its folder, in order. */
  readonly opened: Array<{ action: 'open' | 'showInFolder'; path: string }> = []
  private library: Library
  /** Every call the page made through the bridge, in order (seeding calls are not recorded). */
  private readonly calls: Call[] = []
  private ticking = false
  private ticks = 0
  private brokenOnPurpose = false
  private readonly holds = new Map<Channel, Promise<void>>()
  private readonly rewrites = new Map<Channel, (input: unknown) => unknown>()
  private readonly cleanups: (() => void)[] = []

  constructor(
    private readonly root: string,
    seed: LibrarySeed
  ) {
    this.dataDir = join(root, 'data')
    this.resourcesDir = join(root, 'resources')
    this.savedDir = join(root, 'saved')
    mkdirSync(this.savedDir)
    writeContent(this.resourcesDir, seed)
    this.library = this.open()
  }

  /** Calls the core as the page would, but unrecorded: for seeding and for checking the result. */
  async call<C extends Channel>(channel: C, input: ApiInput<C>): Promise<ApiOutput<C>> {
    const result = await dispatch(this.library.handlers, channel, input, this.log)
    if (!result.ok) throw new ApiError(result.error.code, result.error.message)
    return result.value as ApiOutput<C>
  }

  /** The article as the core has it now. */
  article(id: string): Promise<ApiOutput<'articles:get'>> {
    return this.call('articles:get', { id })
  }

  /** The inputs of the page's calls to one channel. */
  callsTo(channel: Channel): unknown[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.input)
  }

  /** Holds the page's calls to `channel` until the returned function is called (loading states). */
  hold(channel: Channel): () => void {
    let release = (): void => undefined
    this.holds.set(
      channel,
      new Promise<void>((resolve) => {
        release = () => {
          this.holds.delete(channel)
          resolve()
        }
      })
    )
    return release
  }

  /**
   * The page's next call to `channel` reaches the core with its input changed (what a page whose
   * own checks differ from the core's would send), so the core's real validation answers.
   */
  alterNextInput<C extends Channel>(channel: C, alter: (input: ApiInput<C>) => unknown): void {
    this.rewrites.set(channel, alter as (input: unknown) => unknown)
  }

  /** Closes the database under the page: every call that needs it fails until `reopen()`. */
  closeDatabase(): void {
    this.brokenOnPurpose = true
    this.library.close()
  }

  /** Opens the library again from the same folders (as the app does on its next start). */
  reopen(): void {
    this.library.close()
    this.library = this.open()
    this.brokenOnPurpose = false
  }

  /**
   * Closes the library, lets `work` use its folders as another program would (a clinic-network
   * room opened on them, for a state only replication makes), then opens it again as the app's
   * next start does.
   */
  async whileClosed(
    work: (folders: { readonly dataDir: string; readonly resourcesDir: string }) => Promise<void>
  ): Promise<void> {
    this.library.close()
    try {
      await work({ dataDir: this.dataDir, resourcesDir: this.resourcesDir })
    } finally {
      this.library = this.open()
    }
  }

  /** Makes the data folder unwritable and opens the library again: it opens read-only (D4). */
  reopenReadOnly(): void {
    this.library.close()
    lockFolder(this.dataDir)
    this.cleanups.push(() => unlockFolder(this.dataDir))
    this.library = this.open()
    if (!this.library.info().readOnly) {
      throw new Error(`The test could not make ${this.dataDir} read-only on this machine.`)
    }
  }

  /** Defines `window.pointbook` as the preload does. */
  install(): this {
    const bridge = buildBridge((channel, input) => this.invoke(channel, input))
    Object.defineProperty(window, BRIDGE_GLOBAL, { value: bridge, configurable: true })
    return this
  }

  /** From now on every reading of the clock is one second after the previous one. */
  startClock(): void {
    this.ticking = true
  }

  /** Closes the database and removes the folder (after each test). */
  dispose(): void {
    this.brokenOnPurpose = true
    this.library.close()
    for (const cleanup of this.cleanups.splice(0)) cleanup()
    rmSync(this.root, { recursive: true, force: true })
  }

  private async invoke(channel: Channel, input: unknown): Promise<ApiResult<unknown>> {
    this.calls.push({ channel, input })
    await this.holds.get(channel)
    const alter = this.rewrites.get(channel)
    this.rewrites.delete(channel)
    // What crosses the IPC boundary is a structured clone, never the page's own objects.
    const sent = structuredClone(alter ? alter(input) : input)
    return dispatch(this.library.handlers, channel, sent, this.log)
  }

  /** What dispatch logs of an unexpected failure; expected while the database is closed. */
  private readonly log = (message: string, error: unknown): void => {
    if (!this.brokenOnPurpose) console.error(message, error)
  }

  private open(): Library {
    const warnings: string[] = []
    const library = openLibrary({
      dataDir: this.dataDir,
      resourcesDir: this.resourcesDir,
      platform: this.platform(),
      warn: (message) => warnings.push(message)
    })
    if (warnings.length > 0) {
      library.close()
      throw new Error(`The test library warned while opening:\n${warnings.join('\n')}`)
    }
    return library
  }

  private platform(): Platform {
    const start = Date.parse(SEEDED_AT)
    return {
      clock: () => new Date(start + (this.ticking ? ++this.ticks : 0) * 1000),
      // A hub shared in a test answers on this computer only, and is not announced.
      network: { listenHost: '127.0.0.1', announce: false },
      locale: 'en-CA',
      pdf: { toPdf: async () => onePagePdf() },
      printer: {
        print: async () => 'printed',
        listPrinters: async () => []
      },
      chooseSavePath: async (fileName) => join(this.savedDir, fileName),
      openPath: async (path) => {
        this.opened.push({ action: 'open', path })
        return ''
      },
      showInFolder: (path) => void this.opened.push({ action: 'showInFolder', path })
    }
  }
}

/**
 * Opens a real library in a fresh temporary folder holding exactly `seed`: built-in content is
 * imported on open, clinic articles are created (and edited, deleted) through the API.
 */
export async function openTestLibrary(seed: LibrarySeed = {}): Promise<TestLibrary> {
  const root = mkdtempSync(join(tmpdir(), 'pointbook-renderer-'))
  let library: TestLibrary
  try {
    library = new TestLibrary(root, seed)
  } catch (error) {
    rmSync(root, { recursive: true, force: true })
    throw error
  }
  openLibraries.add(library)
  const articles = seed.articles ?? []
  for (const article of articles) {
    if (!article.isBuiltin) await createClinicArticle(library, article)
    await applyEdits(library, article)
  }
  const shipped = articles.filter((a) => a.shippedLater)
  if (shipped.length > 0) {
    for (const article of shipped) {
      writeBuiltinArticle(library.resourcesDir, { ...article, ...article.shippedLater }, 2)
    }
    library.reopen()
  }
  if (seed.readOnly) library.reopenReadOnly()
  library.startClock()
  return library
}

/** After each test: closes every test library, removes its folder and the bridge. */
export function disposeTestLibraries(): void {
  Reflect.deleteProperty(window, BRIDGE_GLOBAL)
  for (const library of openLibraries) library.dispose()
  openLibraries.clear()
}

async function createClinicArticle(library: TestLibrary, seed: ArticleSeed): Promise<void> {
  const created = await library.call('articles:create', draftOf(seed))
  if (created.id !== seed.id) {
    throw new Error(
      `The core gives the article “${seed.title}” the id "${created.id}", not "${seed.id}".`
    )
  }
}

async function applyEdits(library: TestLibrary, seed: ArticleSeed): Promise<void> {
  for (const edit of seed.edits ?? []) {
    const current = await library.article(seed.id)
    await library.call('articles:update', {
      ...draftOf(current),
      ...edit,
      id: seed.id,
      baseRevision: current.revision
    })
  }
  if (seed.deleted) await library.call('articles:delete', { id: seed.id })
}

function draftOf(article: Partial<ArticleDraft> & { title: string }): ArticleDraft {
  return {
    title: article.title,
    category: article.category ?? 'acupuncture',
    tags: article.tags ?? [],
    summary: article.summary ?? '',
    body: article.body ?? ''
  }
}

function writeContent(resourcesDir: string, seed: LibrarySeed): void {
  // No drawings are shipped: built-in articles draw their diagrams with mermaid when opened.
  mkdirSync(join(resourcesDir, 'content', 'diagrams'), { recursive: true })
  for (const article of seed.articles ?? []) {
    if (article.isBuiltin) writeBuiltinArticle(resourcesDir, article, 1)
  }
  for (const muscle of seed.muscles ?? []) {
    writeContentFile(resourcesDir, ['muscles', `${muscle.id}.yaml`], stringify(muscle))
  }
  const meridians = new Set((seed.acupoints ?? []).map((p) => p.meridian))
  for (const meridian of meridians) {
    const points = (seed.acupoints ?? []).filter((p) => p.meridian === meridian)
    writeContentFile(resourcesDir, ['acupoints', `${meridian}.yaml`], stringify(points))
  }
  for (const handout of seed.handouts ?? []) {
    const { body, ...fields } = handout
    const frontMatter = {
      summary: '',
      ...fields,
      contentVersion: 1,
      references: [DEFAULT_REFERENCE]
    }
    writeContentFile(
      resourcesDir,
      ['handouts', handout.id, `${handout.lang}.md`],
      withFrontMatter(frontMatter, body ?? `${handout.title}.`)
    )
  }
}

function writeBuiltinArticle(resourcesDir: string, seed: ArticleSeed, contentVersion: number) {
  const { body, ...draft } = draftOf(seed)
  const frontMatter = {
    id: seed.id,
    ...draft,
    summary: draft.summary || `About ${seed.title}.`,
    contentVersion,
    references: seed.references ?? [DEFAULT_REFERENCE]
  }
  writeContentFile(resourcesDir, ['articles', `${seed.id}.md`], withFrontMatter(frontMatter, body))
}

const withFrontMatter = (data: object, body: string): string =>
  `---\n${stringify(data)}---\n${body}\n`

function writeContentFile(resourcesDir: string, path: string[], text: string): void {
  const file = join(resourcesDir, 'content', ...path)
  mkdirSync(join(file, '..'), { recursive: true })
  writeFileSync(file, text)
}

/**
 * Makes a folder the library cannot write. root ignores permissions, so as root the folder is
 * made immutable instead (`chattr +i`), which stops root too.
 */
function lockFolder(dir: string): void {
  if (process.getuid?.() !== 0) {
    chmodSync(dir, 0o555)
    return
  }
  try {
    execFileSync('chattr', ['+i', dir], { stdio: 'pipe' })
  } catch (error) {
    throw new Error(
      `As root, a read-only library needs \`chattr +i\` on ${dir}, which failed here ` +
        `(${error instanceof Error ? error.message : String(error)}). Run the tests as another ` +
        'user, or with the temporary folder on a file system that supports it (ext4, xfs, btrfs).'
    )
  }
}

function unlockFolder(dir: string): void {
  if (process.getuid?.() === 0) execFileSync('chattr', ['-i', dir], { stdio: 'pipe' })
  else chmodSync(dir, 0o755)
}

/** What the stubbed PDF renderer returns: a one-page PDF (the core counts its pages). */
function onePagePdf(): Buffer {
  return Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
      'trailer << /Root 1 0 R >>',
      '%%EOF'
    ].join('\n'),
    'latin1'
  )
}
