/**
 * An in-memory Pointbook core for renderer tests. It is installed on `window.pointbook` exactly
 * like the preload's bridge (built by the contract's own `buildBridge`), and every call goes
 * through the real `dispatch` (zod validation of input and output, errors as ApiResults), so the
 * renderer's lib/api.ts unwrap path is what runs.
 */
import { ApiError, buildBridge } from '../../src/shared/api'
import type { ApiErrorData, Channel } from '../../src/shared/api'
import type { AppInfo } from '../../src/shared/api/app'
import type {
  Article,
  ArticleCategory,
  ArticleDraft,
  ArticleSummary,
  RevisionDetail
} from '../../src/shared/api/articles'
import type { Reference } from '../../src/shared/api/common'
import type { SearchHit, SearchQuery } from '../../src/shared/api/search'
import { dispatch } from '../../src/main/core/api/dispatch'
import type { Handlers } from '../../src/main/core/api/handlers'
import { searchFake } from './fake-search'

export { highlight } from './fake-search'

export interface ArticleSeed {
  id: string
  title: string
  category?: ArticleCategory
  tags?: string[]
  summary?: string
  body?: string
  references?: Reference[]
  isBuiltin?: boolean
  deleted?: boolean
  builtinUpdateAvailable?: boolean
  /** Extra revisions saved by the clinic after the first one. */
  edits?: Partial<ArticleDraft>[]
}

interface Stored {
  id: string
  isBuiltin: boolean
  builtin: RevisionDetail | null
  revisions: RevisionDetail[]
  references: Reference[]
  deletedAt: string | null
  builtinUpdateAvailable: boolean
}

const BASE_TIME = Date.parse('2025-03-01T09:00:00Z')

export class FakeLibrary {
  readonly articles = new Map<string, Stored>()
  readonly diagrams = new Map<string, string>()
  readonly extraHits: SearchHit[] = []
  readonly calls: { channel: Channel; input: unknown }[] = []
  info: AppInfo = {
    version: '0.1.0',
    dataDir: '/tmp/pointbook-test',
    schemaVersion: 1,
    sqliteVersion: '3.53.2',
    readOnly: false,
    readOnlyReason: null
  }
  private tick = 0
  private readonly failures = new Map<Channel, { error: ApiErrorData; times: number }>()
  private readonly holds = new Map<Channel, Promise<void>>()

  constructor(seeds: ArticleSeed[] = []) {
    for (const seed of seeds) this.seed(seed)
  }

  /** A deterministic clock: each call is one minute after the previous one. */
  now(): string {
    return new Date(BASE_TIME + this.tick++ * 60_000).toISOString()
  }

  seed(seed: ArticleSeed): void {
    const first: RevisionDetail = {
      revision: 1,
      title: seed.title,
      savedAt: this.now(),
      source: seed.isBuiltin ? 'builtin' : 'user',
      body: seed.body ?? '',
      category: seed.category ?? 'acupuncture',
      tags: seed.tags ?? [],
      summary: seed.summary ?? ''
    }
    const stored: Stored = {
      id: seed.id,
      isBuiltin: seed.isBuiltin ?? false,
      builtin: seed.isBuiltin ? first : null,
      revisions: [first],
      references: seed.references ?? [],
      deletedAt: seed.deleted ? this.now() : null,
      builtinUpdateAvailable: seed.builtinUpdateAvailable ?? false
    }
    for (const edit of seed.edits ?? []) {
      const last = stored.revisions[stored.revisions.length - 1] as RevisionDetail
      stored.revisions.push({
        ...last,
        ...edit,
        revision: last.revision + 1,
        savedAt: this.now(),
        source: 'user'
      })
    }
    this.articles.set(seed.id, stored)
  }

  /** Makes the next `times` calls of `channel` fail with this error. */
  failWith(channel: Channel, error: ApiErrorData, times = Number.POSITIVE_INFINITY): void {
    this.failures.set(channel, { error, times })
  }

  clearFailures(): void {
    this.failures.clear()
  }

  /** Holds every call of `channel` until the returned function is called (loading states). */
  hold(channel: Channel): () => void {
    let release = () => undefined as void
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

  callsTo(channel: Channel): unknown[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.input)
  }

  /** Another window saves the article (for conflict tests). */
  saveElsewhere(id: string, patch: Partial<ArticleDraft>): void {
    const stored = this.get(id)
    this.push(stored, { ...this.current(stored), ...patch }, 'user')
  }

  current(stored: Stored): RevisionDetail {
    return stored.revisions[stored.revisions.length - 1] as RevisionDetail
  }

  article(id: string): Article {
    return this.toArticle(this.get(id))
  }

  private get(id: string, includeDeleted = true): Stored {
    const stored = this.articles.get(id)
    if (!stored || (!includeDeleted && stored.deletedAt)) {
      throw new ApiError('not_found', 'This article does not exist (it may have been deleted).')
    }
    return stored
  }

  private writable(): void {
    if (this.info.readOnly) {
      throw new ApiError('read_only', 'The library is read-only: nothing can be saved.')
    }
  }

  private push(stored: Stored, draft: ArticleDraft, source: RevisionDetail['source']): void {
    const last = this.current(stored)
    stored.revisions.push({
      revision: last.revision + 1,
      title: draft.title.trim(),
      savedAt: this.now(),
      source,
      body: draft.body,
      category: draft.category,
      tags: draft.tags,
      summary: draft.summary.trim()
    })
  }

  private summary(stored: Stored): ArticleSummary {
    const current = this.current(stored)
    return {
      id: stored.id,
      title: current.title,
      category: current.category,
      tags: current.tags,
      summary: current.summary,
      updatedAt: current.savedAt,
      isBuiltin: stored.isBuiltin,
      isModified: stored.isBuiltin && (current.source === 'user' || current.source === 'restore'),
      deletedAt: stored.deletedAt
    }
  }

  private toArticle(stored: Stored): Article {
    const current = this.current(stored)
    const linked = (body: string) =>
      [...body.matchAll(/\]\(article:([a-z0-9-]+)\)/g)].map((m) => m[1] as string)
    const title = (id: string) => (this.articles.get(id) ? this.current(this.get(id)).title : id)
    const outgoing = [...new Set(linked(current.body))]
      .filter((id) => this.articles.has(id))
      .map((id) => ({ id, title: title(id) }))
    const incoming = [...this.articles.values()]
      .filter((other) => other.id !== stored.id && !other.deletedAt)
      .filter((other) => linked(this.current(other).body).includes(stored.id))
      .map((other) => ({ id: other.id, title: this.current(other).title }))
    return {
      ...this.summary(stored),
      body: current.body,
      references: stored.references,
      revision: current.revision,
      links: { outgoing, incoming },
      builtinUpdateAvailable: stored.builtinUpdateAvailable
    }
  }

  private slug(title: string): string {
    const base =
      title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'article'
    let id = base
    for (let n = 2; this.articles.has(id); n++) id = `${base}-${n}`
    return id
  }

  private search(input: SearchQuery) {
    const articles = [...this.articles.values()]
      .filter((stored) => !stored.deletedAt)
      .map((stored) => ({ id: stored.id, ...this.current(stored) }))
    return searchFake(articles, this.extraHits, input)
  }

  readonly handlers: Partial<Handlers> = {
    'app:info': () => this.info,
    'articles:list': (input) =>
      [...this.articles.values()]
        .filter((s) => input.includeDeleted || !s.deletedAt)
        .map((s) => this.summary(s))
        .filter((a) => !input.category || a.category === input.category)
        .filter((a) => !input.tag || a.tags.includes(input.tag)),
    'articles:get': ({ id }) => this.toArticle(this.get(id)),
    'articles:create': (draft) => {
      this.writable()
      const id = this.slug(draft.title)
      this.articles.set(id, {
        id,
        isBuiltin: false,
        builtin: null,
        revisions: [],
        references: [],
        deletedAt: null,
        builtinUpdateAvailable: false
      })
      const stored = this.get(id)
      stored.revisions.push({ ...draft, revision: 1, savedAt: this.now(), source: 'user' })
      return this.toArticle(stored)
    },
    'articles:update': ({ id, baseRevision, ...draft }) => {
      this.writable()
      const stored = this.get(id, false)
      if (this.current(stored).revision !== baseRevision) {
        throw new ApiError(
          'conflict',
          `It is now at revision ${this.current(stored).revision}; you started from revision ${baseRevision}.`
        )
      }
      this.push(stored, draft, 'user')
      return this.toArticle(stored)
    },
    'articles:delete': ({ id }) => {
      this.writable()
      const stored = this.get(id, false)
      stored.deletedAt = this.now()
      return { id, deletedAt: stored.deletedAt }
    },
    'articles:undelete': ({ id }) => {
      this.writable()
      const stored = this.get(id)
      stored.deletedAt = null
      return this.toArticle(stored)
    },
    'articles:revisions': ({ id }) =>
      this.get(id).revisions.map(({ revision, title, savedAt, source }) => ({
        revision,
        title,
        savedAt,
        source
      })),
    'articles:revision': ({ id, revision }) => {
      const found = this.get(id).revisions.find((r) => r.revision === revision)
      if (!found) throw new ApiError('not_found', `Revision ${revision} does not exist.`)
      return found
    },
    'articles:restoreRevision': ({ id, revision }) => {
      this.writable()
      const stored = this.get(id)
      const found = stored.revisions.find((r) => r.revision === revision)
      if (!found) throw new ApiError('not_found', `Revision ${revision} does not exist.`)
      this.push(stored, found, 'restore')
      return this.toArticle(stored)
    },
    'articles:resetToBuiltin': ({ id }) => {
      this.writable()
      const stored = this.get(id)
      if (!stored.builtin) throw new ApiError('invalid_input', 'This article is not built in.')
      this.push(stored, stored.builtin, 'reset')
      stored.builtinUpdateAvailable = false
      return this.toArticle(stored)
    },
    'articles:tags': () => {
      const counts = new Map<string, number>()
      for (const s of this.articles.values()) {
        if (s.deletedAt) continue
        for (const t of this.current(s).tags) counts.set(t, (counts.get(t) ?? 0) + 1)
      }
      return [...counts].map(([tag, count]) => ({ tag, count }))
    },
    'diagrams:get': ({ source }) => ({ svg: this.diagrams.get(source) ?? null }),
    'diagrams:put': ({ source, svg }) => {
      this.writable()
      this.diagrams.set(source, svg)
      return { ok: true as const }
    },
    'search:query': (input) => this.search(input)
  }

  /** Defines `window.pointbook` as the preload would. */
  install(): this {
    const bridge = buildBridge(async (channel, input) => {
      this.calls.push({ channel, input })
      await this.holds.get(channel)
      const failure = this.failures.get(channel)
      if (failure && failure.times > 0) {
        failure.times -= 1
        return { ok: false, error: failure.error }
      }
      return dispatch(this.handlers as Handlers, channel, structuredClone(input), () => undefined)
    })
    Object.defineProperty(window, 'pointbook', {
      value: bridge,
      configurable: true,
      writable: true
    })
    return this
  }
}

export function removeBridge(): void {
  Reflect.deleteProperty(window, 'pointbook')
}
