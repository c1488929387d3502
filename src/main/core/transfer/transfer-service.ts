import { randomUUID } from 'node:crypto'
import { renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { ApiError } from '../../../shared/api/errors'
import * as settingsApi from '../../../shared/api/settings'
import type { ClinicProfileDraft } from '../../../shared/api/settings'
import * as transferApi from '../../../shared/api/transfer'
import type { ExportedProfile, ImportPlan, LibraryFile } from '../../../shared/api/transfer'
import type { AppInfo } from '../../../shared/api/app'
import type { ArticleService } from '../articles/article-service'
import { exportArticles, importArticle, planArticle } from '../articles/article-transfer'
import type { BackupService } from '../backups/backup-service'
import type { Clock } from '../clock'
import { describeFileError } from '../db/file-errors'
import { readBounded } from '../files/read-bounded'
import type { Db } from '../db/sqlite'
import type { NoteService } from '../notes/note-service'
import { exportNotes, importNote, planNote } from '../notes/note-transfer'
import type { HandoutService } from '../handouts/handout-service'
import {
  exportHandouts,
  exportHiddenHandouts,
  hiddenToApply,
  importHandout,
  planHandout
} from '../handouts/handout-transfer'
import type { Platform } from '../platform'
import type { SettingsService } from '../settings/settings-service'
import { validateLogo } from '../settings/logo'
import type { WriteGuard } from '../write-guard'
import { parseLibraryFile, serializeLibraryFile } from './library-file'

export interface TransferServiceDeps {
  readonly db: Db
  readonly clock: Clock
  readonly guard: WriteGuard
  readonly appInfo: () => AppInfo
  readonly platform: Pick<Platform, 'chooseSavePath' | 'chooseOpenPath'>
  readonly articles: ArticleService
  readonly notes: NoteService
  readonly handouts: HandoutService
  readonly settings: SettingsService
  readonly backups: BackupService
}

type Counts = { add: number; update: number; unchanged: number }
const noCounts = (): Counts => ({ add: 0, update: 0, unchanged: 0 })

const LOGO_EXTENSIONS = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/svg+xml': 'svg' } as const

/**
 * Whole-library export and import (File → Export library…, Import library…): how a clinic moves
 * to a new computer and shares its edited content. An import is previewed first (what it adds,
 * updates or leaves, and the conflicts), then applied in one transaction after a backup.
 */
export class TransferService {
  /** The one previewed import waiting to be applied. */
  private pending: { token: string; file: LibraryFile } | null = null

  constructor(private readonly deps: TransferServiceDeps) {}

  /** The file's text: the clinic's articles (with revisions), notes (with revisions), profile. */
  exportText(): { text: string; articles: number; notes: number; handouts: number } {
    const parts: LibraryFile['parts'] = {
      articles: exportArticles(this.deps.articles.transfer()),
      notes: exportNotes(this.deps.notes.transfer()),
      handouts: exportHandouts(this.deps.handouts.transfer()),
      settings: { hiddenHandouts: exportHiddenHandouts(this.deps.handouts.transfer()) },
      profile: this.exportProfile()
    }
    const info = this.deps.appInfo()
    const text = serializeLibraryFile(
      {
        appVersion: info.version,
        schemaVersion: info.schemaVersion,
        exportedAt: this.deps.clock().toISOString()
      },
      parts
    )
    return {
      text,
      articles: parts.articles.length,
      notes: parts.notes.length,
      handouts: parts.handouts.length
    }
  }

  async exportLibrary(): Promise<{
    savedTo: string | null
    articles: number
    notes: number
    handouts: number
  }> {
    const choose = this.deps.platform.chooseSavePath
    if (choose === undefined) throw new ApiError('io_error', 'Exporting is not available here.')
    const day = this.deps.clock().toISOString().slice(0, 10)
    const chosen = await choose(`Pointbook library ${day}.pointbook.json`)
    if (chosen === null) return { savedTo: null, articles: 0, notes: 0, handouts: 0 }
    const exported = this.exportText()
    const partial = `${chosen}.partial`
    try {
      writeFileSync(partial, exported.text)
      renameSync(partial, chosen)
    } catch (error) {
      rmSync(partial, { force: true })
      throw new ApiError(
        'io_error',
        `The library could not be exported to ${chosen}: ${describeFileError(error)}.`
      )
    }
    const { articles, notes, handouts } = exported
    return { savedTo: chosen, articles, notes, handouts }
  }

  async previewImport(): Promise<ImportPlan | null> {
    const choose = this.deps.platform.chooseOpenPath
    if (choose === undefined) throw new ApiError('io_error', 'Importing is not available here.')
    const path = await choose('Import a Pointbook library')
    if (path === null) return null
    return this.preview(readLimited(path), basename(path))
  }

  /** What importing these bytes would do; remembered for `apply`. Changes nothing. */
  preview(bytes: Buffer, fileName: string): ImportPlan {
    const file = parseLibraryFile(bytes)
    this.profileDraft(file.parts.profile)
    const token = randomUUID()
    this.pending = { token, file }
    const articles = noCounts()
    const notes = noCounts()
    const conflicts: ImportPlan['conflicts'] = []
    const articleDeps = this.deps.articles.transfer()
    for (const article of file.parts.articles) {
      const action = planArticle(articleDeps, article)
      count(articles, action)
      if (action === 'conflict')
        conflicts.push({ kind: 'article', id: article.id, title: article.title })
    }
    const handouts = noCounts()
    const handoutDeps = this.deps.handouts.transfer()
    for (const text of file.parts.handouts) {
      const action = planOrRefuse(
        () => planHandout(handoutDeps, text),
        `the handout "${text.handoutId}" (${text.lang})`
      )
      count(handouts, action)
      if (action === 'conflict') {
        conflicts.push({ kind: 'handout', id: `${text.handoutId}/${text.lang}`, title: text.title })
      }
    }
    const noteDeps = this.deps.notes.transfer()
    for (const note of file.parts.notes) {
      const action = planNote(noteDeps, note)
      count(notes, action)
      if (action === 'conflict') {
        conflicts.push({
          kind: 'note',
          id: note.id,
          title: note.body.split('\n')[0]?.slice(0, 80) ?? ''
        })
      }
    }
    return {
      token,
      fileName,
      exportedAt: file.exportedAt,
      appVersion: file.appVersion,
      articles,
      notes,
      handouts,
      conflicts,
      profile: this.planProfile(file.parts.profile),
      hiddenHandouts: hiddenToApply(handoutDeps, file.parts.settings.hiddenHandouts).length
    }
  }

  apply(token: string): { articles: Counts; notes: Counts; handouts: Counts; conflicts: number } {
    this.deps.guard.assertWritable()
    if (this.pending === null || this.pending.token !== token) {
      throw new ApiError('not_found', 'That import is no longer waiting; choose the file again.')
    }
    const { file } = this.pending
    this.deps.backups.backUpBeforeLibraryImport()
    const articles = noCounts()
    const notes = noCounts()
    const handouts = noCounts()
    const now = this.deps.clock().toISOString()
    let conflicts = 0
    this.deps.db.transaction(() => {
      const articleDeps = this.deps.articles.transfer()
      for (const article of file.parts.articles) {
        const action = importArticle(articleDeps, article)
        count(articles, action)
        if (action === 'conflict') conflicts++
      }
      const noteDeps = this.deps.notes.transfer()
      for (const note of file.parts.notes) {
        const action = importNote(noteDeps, note)
        count(notes, action)
        if (action === 'conflict') conflicts++
      }
      const handoutDeps = this.deps.handouts.transfer()
      for (const text of file.parts.handouts) {
        const action = importHandout(handoutDeps, text, now)
        count(handouts, action)
        if (action === 'conflict') conflicts++
      }
      // Hidden in either library stays hidden: an import never shows what the clinic hid here.
      for (const id of hiddenToApply(handoutDeps, file.parts.settings.hiddenHandouts)) {
        if (handoutDeps.repo.handoutExists(id)) handoutDeps.repo.setHidden(id, true, now)
      }
      if (this.planProfile(file.parts.profile) === 'add') this.importProfile(file.parts.profile)
    })()
    this.pending = null
    return { articles, notes, handouts, conflicts }
  }

  private exportProfile(): ExportedProfile | null {
    const profile = this.deps.settings.getProfile()
    if (!profile.isSet) return null
    const { logo, revision: _revision, isSet: _isSet, ...draft } = profile
    return {
      profile: draft,
      logo: logo
        ? { fileName: `logo.${LOGO_EXTENSIONS[logo.mime]}`, dataBase64: logo.dataBase64 }
        : null
    }
  }

  private planProfile(exported: ExportedProfile | null): ImportPlan['profile'] {
    if (exported === null) return 'none'
    const local = this.deps.settings.getProfile()
    if (!local.isSet) return 'add'
    const { logo: _logo, revision: _revision, isSet: _isSet, ...draft } = local
    const same = JSON.stringify(draft) === JSON.stringify(this.profileDraft(exported))
    return same ? 'unchanged' : 'keep-yours'
  }

  /** The exported profile checked by the same rules as the Settings form. */
  private profileDraft(exported: ExportedProfile | null): ClinicProfileDraft | null {
    if (exported === null) return null
    const parsed = settingsApi.clinicProfileDraftSchema.safeParse(exported.profile)
    if (!parsed.success || (exported.logo !== null && !isLogo(exported.logo))) {
      throw new ApiError(
        'invalid_input',
        'This file cannot be imported: its clinic profile is not valid. Nothing was changed.'
      )
    }
    return parsed.data
  }

  private importProfile(exported: ExportedProfile | null): void {
    const draft = this.profileDraft(exported)
    if (draft === null || exported === null) return
    this.deps.settings.saveProfile(draft)
    if (exported.logo) this.deps.settings.setLogo(exported.logo.fileName, exported.logo.dataBase64)
  }
}

/** A check of one item that fails is said as the file's problem, naming the item. */
function planOrRefuse<T>(plan: () => T, item: string): T {
  try {
    return plan()
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    throw new ApiError(
      'invalid_input',
      `This file cannot be imported: ${item} has a problem: ${error.message} Nothing was changed.`
    )
  }
}

/** The logo passes the same content checks as one chosen in Settings. */
function isLogo(logo: NonNullable<ExportedProfile['logo']>): boolean {
  try {
    validateLogo(logo.fileName, logo.dataBase64)
    return true
  } catch {
    return false
  }
}

function count(counts: Counts, action: 'add' | 'unchanged' | 'conflict'): void {
  if (action === 'add') counts.add++
  else if (action === 'unchanged') counts.unchanged++
  else counts.update++
}

/** Reads a chosen file, refusing one over the limit before reading it (no huge allocation). */
function readLimited(path: string): Buffer {
  return readBounded(path, transferApi.LIBRARY_FILE_MAX_BYTES, {
    cannotOpen: (error) =>
      new ApiError('io_error', `The file could not be opened: ${describeFileError(error)}.`),
    tooLarge: () =>
      new ApiError(
        'invalid_input',
        `This file cannot be imported: it is larger than ${transferApi.LIBRARY_FILE_MAX_BYTES / (1024 * 1024)} MB. Nothing was changed.`
      )
  })
}
