import { ApiError } from '../../../shared/api/errors'
import type {
  FrontDesk,
  Handout,
  HandoutDraft,
  HandoutSummary,
  HandoutVersion,
  ReviewStatus
} from '../../../shared/api/handouts'
import { langLabel } from '../../../shared/handouts/languages'
import { handoutPlainText } from '../../../shared/handouts/plain-text'
import { isoNow } from '../clock'
import type { Clock } from '../clock'
import { builtinStatus } from '../content/builtin-tracking'
import type { BuiltinTracking } from '../content/builtin-tracking'
import type { Db } from '../db/sqlite'
import type { WarningLogger } from '../logger'
import type { SearchIndex } from '../search/search-index'
import type { WriteGuard } from '../write-guard'
import type { PrintableHandout } from '../print/document'
import * as builtinHandouts from './builtin-handouts'
import { handoutTextHash } from './handout-text'
import type { BuiltinHandoutContent } from './builtin-handouts'
import { HandoutRepo } from './handout-repo'
import type { HandoutTextRow } from './handout-repo'
import { approvalOf, fromShipped, langSummary, parseReferences } from './handout-rows'
import { assertFields, freeHandoutId } from './handout-ids'
import { builtinHandoutWriter } from './handout-builtin-writer'
import { frontDeskOf } from './front-desk'
import type { HandoutTransferDeps } from './handout-transfer'

export interface HandoutServiceDeps {
  readonly db: Db
  readonly clock: Clock
  readonly guard: WriteGuard
  readonly tracking: BuiltinTracking
  readonly search: SearchIndex
}

/** The one edit path for handouts (who may edit is a later issue: check it here). */
export class HandoutService {
  private readonly repo: HandoutRepo

  constructor(private readonly deps: HandoutServiceDeps) {
    this.repo = new HandoutRepo(deps.db)
  }

  /**
   * First run and every upgrade: shipped texts in, clinic edits untouched. Files are validated
   * first (a bad one is a warning, never a stop); `beforeChangingExisting` runs (a backup) only
   * when existing texts would change; everything is written in one transaction.
   */
  importBuiltins(
    resourcesDir: string,
    warn: WarningLogger,
    beforeChangingExisting?: () => void
  ): void {
    const { items, problems } = builtinHandouts.loadBuiltinHandouts(resourcesDir)
    problems.forEach(warn)
    if (this.deps.guard.readOnly) return
    const writer = builtinHandoutWriter(
      this.repo,
      (row, source) => this.write(row, source),
      this.deps.clock
    )
    const plans = items.map((item) => this.deps.tracking.plan(item, writer))
    if (plans.every((p) => p === 'unchanged' || p === 'skipped-older')) return
    if (plans.includes('updated')) beforeChangingExisting?.()
    this.deps.db.transaction(() => {
      for (const item of items) this.deps.tracking.sync(item, writer)
    })()
  }

  list(): HandoutSummary[] {
    const records = this.deps.tracking.allOfKind(builtinHandouts.HANDOUT_KIND)
    const byId = new Map<string, HandoutTextRow[]>()
    for (const row of this.repo.allTexts()) {
      const list = byId.get(row.handoutId) ?? []
      list.push(row)
      byId.set(row.handoutId, list)
    }
    const hidden = this.repo.hiddenIds()
    const summaries: HandoutSummary[] = []
    for (const [id, texts] of byId) {
      const main = texts.find((t) => t.lang === 'en') ?? (texts[0] as HandoutTextRow)
      summaries.push({
        id,
        title: main.title,
        summary: main.summary,
        isBuiltin: this.repo.isBuiltinHandout(id),
        optional: this.isOptional(id, texts),
        hiddenFromFrontDesk: hidden.has(id),
        langs: texts.map((t) =>
          langSummary(t, records.get(builtinHandouts.handoutItemId(id, t.lang)) ?? null)
        )
      })
    }
    return summaries.sort((a, b) => a.title.localeCompare(b.title))
  }

  /**
   * What the front desk offers. Hidden handouts are left out of the singles and of every pack. A
   * pack keeps its order (the sheet with the urgent box first, the comparison sheet last), so
   * dropping a hidden one never moves the box-less sheet to the front; a pack left with fewer
   * than two handouts is not offered (the one left is a single), nor is a pack whose handouts
   * are not all in the library.
   */
  frontDesk(): FrontDesk {
    return frontDeskOf(this.list())
  }

  /** Hides a handout, in every language, from the front desk and its packs, or shows it again. */
  setHidden(id: string, hidden: boolean): { id: string; hiddenFromFrontDesk: boolean } {
    this.deps.guard.assertWritable()
    if (!this.repo.handoutExists(id))
      throw new ApiError('not_found', 'This handout does not exist.')
    this.repo.setHidden(id, hidden, isoNow(this.deps.clock))
    return { id, hiddenFromFrontDesk: this.repo.isHidden(id) }
  }

  get(id: string, lang: string, version?: number): Handout {
    const current = this.requireText(id, lang)
    const record = this.deps.tracking.get(
      builtinHandouts.HANDOUT_KIND,
      builtinHandouts.handoutItemId(id, lang)
    )
    const status = builtinStatus(record, current.textHash)
    const texts = this.repo.textsOf(id)
    const langs = texts.map((t) =>
      langSummary(
        t,
        this.deps.tracking.get(
          builtinHandouts.HANDOUT_KIND,
          builtinHandouts.handoutItemId(id, t.lang)
        )
      )
    )
    const base = {
      id,
      lang,
      references: parseReferences(current.referencesJson),
      isBuiltin: status.isBuiltin,
      isModified: status.isModified,
      optional: this.isOptional(id, texts),
      hiddenFromFrontDesk: this.repo.isHidden(id),
      builtinUpdateAvailable: status.updateAvailable,
      langs
    }
    if (version === undefined || version === current.version) {
      return {
        ...base,
        title: current.title,
        summary: current.summary,
        body: current.body,
        version: current.version,
        savedAt: current.updatedAt,
        reviewStatus: current.reviewStatus,
        approval: approvalOf(current)
      }
    }
    const old = this.repo.version(id, lang, version)
    if (old === null)
      throw new ApiError('not_found', `Version ${version} of this handout does not exist.`)
    return {
      ...base,
      title: old.title,
      summary: old.summary,
      body: old.body,
      version: old.version,
      savedAt: old.savedAt,
      reviewStatus: old.reviewStatus,
      approval: approvalOf(old)
    }
  }

  create(input: HandoutDraft & { lang: string }): Handout {
    this.deps.guard.assertWritable()
    assertFields(input.body)
    const id = freeHandoutId(input.title, (taken) => this.repo.handoutExists(taken))
    const now = isoNow(this.deps.clock)
    this.deps.db.transaction(() => {
      this.repo.insertHandout(id, false, now)
      this.writeNew(id, input.lang, input, 'approved', now)
    })()
    return this.get(id, input.lang)
  }

  addLanguage(input: HandoutDraft & { id: string; lang: string }): Handout {
    this.deps.guard.assertWritable()
    if (!this.repo.handoutExists(input.id))
      throw new ApiError('not_found', 'This handout does not exist.')
    if (this.repo.text(input.id, input.lang) !== null) {
      throw new ApiError('conflict', `This handout already has a ${langLabel(input.lang)} version.`)
    }
    assertFields(input.body)
    const now = isoNow(this.deps.clock)
    this.deps.db.transaction(() =>
      this.writeNew(input.id, input.lang, input, 'needs-review', now)
    )()
    return this.get(input.id, input.lang)
  }

  /** Every save is a new version. The clinic's sign-off belongs to a version, so it is not carried over. */
  save(input: HandoutDraft & { id: string; lang: string; baseVersion: number }): Handout {
    this.deps.guard.assertWritable()
    const current = this.requireText(input.id, input.lang)
    if (current.version !== input.baseVersion) {
      throw new ApiError(
        'conflict',
        `This handout was changed elsewhere (now version ${current.version}). Reload it, then make your change again.`
      )
    }
    assertFields(input.body)
    const draft = { title: input.title, summary: input.summary, body: input.body }
    if (handoutTextHash(draft) === current.textHash) return this.get(input.id, input.lang)
    const now = isoNow(this.deps.clock)
    this.deps.db.transaction(() => {
      this.write(
        {
          ...current,
          ...draft,
          version: this.repo.newestVersion(input.id, input.lang) + 1,
          approvedBy: null,
          approvedOn: null,
          textHash: handoutTextHash(draft),
          updatedAt: now
        },
        'user'
      )
    })()
    return this.get(input.id, input.lang)
  }

  versions(id: string, lang: string): HandoutVersion[] {
    this.requireText(id, lang)
    return this.repo.versions(id, lang).map((v) => ({
      version: v.version,
      title: v.title,
      savedAt: v.savedAt,
      source: v.source,
      reviewStatus: v.reviewStatus,
      approval: approvalOf(v)
    }))
  }

  approve(input: { id: string; lang: string; version: number; by: string; on: string }): Handout {
    this.deps.guard.assertWritable()
    this.requireText(input.id, input.lang)
    if (this.repo.version(input.id, input.lang, input.version) === null) {
      throw new ApiError('not_found', `Version ${input.version} of this handout does not exist.`)
    }
    this.repo.setApproval(input.id, input.lang, input.version, input.by, input.on)
    return this.get(input.id, input.lang)
  }

  resetToBuiltin(id: string, lang: string): Handout {
    this.deps.guard.assertWritable()
    // Refuses a handout text that does not exist, before the shipped text is looked up.
    this.requireText(id, lang)
    const shipped = this.deps.tracking.shippedContent(
      builtinHandouts.HANDOUT_KIND,
      builtinHandouts.handoutItemId(id, lang)
    ) as BuiltinHandoutContent | null
    if (shipped === null) {
      throw new ApiError(
        'not_found',
        'This handout was written by the clinic: there is no built-in text to go back to.'
      )
    }
    const now = isoNow(this.deps.clock)
    this.deps.db.transaction(() => {
      this.write(fromShipped(shipped, this.repo.newestVersion(id, lang) + 1, now), 'reset')
      this.deps.tracking.markShippedAsImported(
        builtinHandouts.HANDOUT_KIND,
        builtinHandouts.handoutItemId(id, lang)
      )
    })()
    return this.get(id, lang)
  }

  /** The text of one version as it prints (current version when none is given). */
  printable(id: string, lang: string, version?: number): PrintableHandout {
    const current = this.requireText(id, lang)
    const row = version === undefined ? current : this.repo.version(id, lang, version)
    if (row === null)
      throw new ApiError('not_found', `Version ${version} of this handout no longer exists.`)
    return {
      id,
      lang,
      title: row.title,
      body: row.body,
      version: row.version,
      approval: approvalOf(row)
    }
  }

  /** An unsaved draft as it would print: numbered as the next version, not approved. */
  printableDraft(draft: {
    id: string
    lang: string
    title: string
    body: string
  }): PrintableHandout {
    return {
      id: draft.id,
      lang: draft.lang,
      title: draft.title,
      body: draft.body,
      version: this.repo.newestVersion(draft.id, draft.lang) + 1,
      approval: null
    }
  }

  /**
   * A built-in handout whose shipped file says `optional: true` (read from the shipped text the
   * library keeps, so a clinic's edit of the text does not change it). Clinic handouts are never
   * optional: a clinic that wrote one uses it, and can hide it like any other.
   */
  private isOptional(id: string, texts: readonly HandoutTextRow[]): boolean {
    for (const text of texts) {
      const shipped = this.deps.tracking.shippedContent(
        builtinHandouts.HANDOUT_KIND,
        builtinHandouts.handoutItemId(id, text.lang)
      )
      if (shipped !== null) return (shipped as Partial<BuiltinHandoutContent>).optional === true
    }
    return false
  }

  private requireText(id: string, lang: string): HandoutTextRow {
    const row = this.repo.text(id, lang)
    if (row === null) {
      throw new ApiError(
        'not_found',
        this.repo.handoutExists(id)
          ? `This handout has no ${langLabel(lang)} version yet.`
          : 'This handout does not exist.'
      )
    }
    return row
  }

  private writeNew(
    id: string,
    lang: string,
    draft: HandoutDraft,
    status: ReviewStatus,
    now: string
  ): void {
    this.write(
      {
        handoutId: id,
        lang,
        version: 1,
        title: draft.title,
        summary: draft.summary,
        body: draft.body,
        referencesJson: '[]',
        reviewStatus: status,
        approvedBy: null,
        approvedOn: null,
        textHash: handoutTextHash(draft),
        isBuiltin: false,
        updatedAt: now
      },
      'user'
    )
  }

  /** For the whole-library export and import (handout-transfer.ts). */
  transfer(): HandoutTransferDeps {
    return {
      db: this.deps.db,
      repo: this.repo,
      write: (row) => this.write(row, 'user'),
      index: (row) => this.index(row)
    }
  }

  /** The one place a handout text is written: the row, its new version, and the search index. */
  private write(row: HandoutTextRow, source: 'builtin' | 'user' | 'reset' | 'upgrade'): void {
    this.repo.writeText(row, source)
    this.index(row)
  }

  private index(row: HandoutTextRow): void {
    this.deps.search.upsert({
      kind: 'handout',
      id: builtinHandouts.handoutItemId(row.handoutId, row.lang),
      title: row.title,
      body: `${row.summary}\n${handoutPlainText(row.body, row.lang)}`,
      tags: [langLabel(row.lang)],
      aliases: [row.handoutId]
    })
  }
}
