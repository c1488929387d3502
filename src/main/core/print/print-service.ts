import { ApiError } from '../../../shared/api/errors'
import type {
  HandoutDraft,
  HandoutPreview,
  OutputKind,
  PrintLogEntry,
  PrintOptions,
  PrintResult
} from '../../../shared/api/handouts'
import type { ClinicProfile } from '../../../shared/api/settings'
import { renderMarkdown, sanitizeSvg } from '../../../shared/markdown'
import { isoNow } from '../clock'
import type { Clock } from '../clock'
import type { Db } from '../db/sqlite'
import type { HandoutService } from '../handouts/handout-service'
import type { WarningLogger } from '../logger'
import type { SettingsService } from '../settings/settings-service'
import type { WriteGuard } from '../write-guard'
import { buildPrintDocument } from './document'
import type { PrintableHandout } from './document'
import { countPdfPages } from './pdf-renderer'
import { writePdfAtomically } from './write-pdf'
import type { Platform } from '../platform'
import { PrintLogRepo } from './print-log-repo'
import { packOf } from './pack-of'
import { SavedFiles } from './saved-files'
import type { SavedFileAction } from './saved-files'

export interface PrintServiceDeps {
  readonly db: Db
  readonly clock: Clock
  readonly guard: WriteGuard
  readonly handouts: HandoutService
  readonly settings: SettingsService
  readonly warn: WarningLogger
  /** Cached mermaid SVG by diagram source (the diagram cache), for handouts with diagrams. */
  readonly diagramSvg?: ((source: string) => string | null) | undefined
  /** The PDF renderer, printer and save dialog (the shell's, or Chromium and a stub in tests). */
  readonly ports: Pick<Platform, 'pdf' | 'printer' | 'chooseSavePath' | 'openPath' | 'showInFolder'>
}

type DocumentOptions = Omit<PrintOptions, 'copies'> & {
  draft?: (HandoutDraft & { id: string; lang: string }) | undefined
}

/**
 * The one print pipeline (docs/architecture.md §4): every preview, PDF and print goes through `document()`.
 * The patient's name is an argument of that call and nothing else: it is never written to the
 * database, the print log or the search index.
 */
export class PrintService {
  readonly log: PrintLogRepo
  private readonly ports: PrintServiceDeps['ports']
  private readonly saved: SavedFiles

  constructor(private readonly deps: PrintServiceDeps) {
    this.log = new PrintLogRepo(deps.db)
    this.ports = deps.ports
    this.saved = new SavedFiles(deps.ports)
  }

  document(
    options: DocumentOptions,
    profile: ClinicProfile = this.deps.settings.getProfile(),
    pagesPerItem?: readonly number[]
  ): string {
    const items: PrintableHandout[] = options.items.map((item) => {
      const draft = options.draft
      if (draft !== undefined && draft.id === item.id && draft.lang === item.lang) {
        return this.deps.handouts.printableDraft(draft)
      }
      return this.deps.handouts.printable(item.id, item.lang, item.version)
    })
    return buildPrintDocument(
      {
        profile,
        items,
        paper: options.paper,
        largePrint: options.largePrint,
        printedAt: this.deps.clock(),
        patientName: blankToUndefined(options.patientName),
        practitioner: blankToUndefined(options.practitioner),
        pagesPerItem
      },
      (markdown) => this.markdownToHtml(markdown)
    )
  }

  /**
   * The document as previewed, printed and saved. In a pack each handout is numbered on its own
   * ("Page 1 of 2"): a first pass renders each handout alone (they each start on a new page, with
   * the same paper and size) to count its pages. Without a PDF renderer, pages are numbered across
   * the pack.
   */
  async numberedDocument(
    options: DocumentOptions,
    profile: ClinicProfile = this.deps.settings.getProfile()
  ): Promise<string> {
    const pdf = this.ports.pdf
    if (options.items.length < 2 || pdf === undefined) return this.document(options, profile)
    const counts: number[] = []
    for (const item of options.items) {
      const alone = this.document({ ...options, items: [item] }, profile)
      counts.push(countPdfPages(await pdf.toPdf(alone, { paper: options.paper })))
    }
    return this.document(options, profile, counts)
  }

  /** Printers the system knows (empty where printing is not plugged in). */
  async listPrinters(): Promise<Array<{ name: string; displayName: string; isDefault: boolean }>> {
    return this.ports.printer ? this.ports.printer.listPrinters() : []
  }

  async preview(options: DocumentOptions): Promise<HandoutPreview> {
    const html = await this.numberedDocument(options)
    const pdf = await this.requirePdf().toPdf(html, { paper: options.paper })
    return { pdfBase64: pdf.toString('base64'), pageCount: countPdfPages(pdf) }
  }

  async print(options: PrintOptions, profile?: ClinicProfile): Promise<PrintResult> {
    const printer = this.ports.printer
    if (printer === undefined) {
      throw new ApiError('io_error', 'Printing is not available here. Use "Save as PDF" instead.')
    }
    const usedProfile = profile ?? this.deps.settings.getProfile()
    const html = await this.numberedDocument(options, usedProfile)
    const status = await printer.print(html, {
      paper: options.paper,
      copies: options.copies,
      deviceName: usedProfile.printerName
    })
    if (status === 'cancelled')
      return { status: 'cancelled', path: null, logId: null, pageCount: 0 }
    // The printer does not report pages; the log keeps 0 ("not counted") for printed jobs.
    const logId = this.record(options, 'printer', 0, usedProfile.revision)
    return { status: 'printed', path: null, logId, pageCount: 0 }
  }

  async savePdf(options: PrintOptions, profile?: ClinicProfile): Promise<PrintResult> {
    const choose = this.ports.chooseSavePath
    if (choose === undefined) throw new ApiError('io_error', 'Saving a PDF is not available here.')
    const usedProfile = profile ?? this.deps.settings.getProfile()
    // Made once before the dialog, so a handout that cannot print fails before asking where to
    // save; a pack's page-numbering pass waits until the clinic has chosen where.
    const single = this.document(options, usedProfile)
    const chosen = await choose(this.defaultFileName(options))
    if (chosen === null) return { status: 'cancelled', path: null, logId: null, pageCount: 0 }
    const path = /\.pdf$/i.test(chosen) ? chosen : `${chosen}.pdf`
    const html =
      options.items.length > 1 ? await this.numberedDocument(options, usedProfile) : single
    const pdf = await this.requirePdf().toPdf(html, { paper: options.paper })
    writePdfAtomically(path, pdf)
    const pageCount = countPdfPages(pdf)
    const logId = this.record(options, 'pdf', pageCount, usedProfile.revision)
    return { status: 'saved', path, logId, pageCount, savedFileId: this.saved.remember(path) }
  }

  /** "Open" or "Show in folder" for a PDF saved in this session, named by its token. */
  openSaved(input: { savedFileId: string; action: SavedFileAction }): Promise<{ done: true }> {
    return this.saved.open(input.savedFileId, input.action)
  }

  listLog(limit = 100): PrintLogEntry[] {
    return this.log.list(limit).map((job) => ({
      id: job.id,
      printedAt: job.printedAt,
      output: job.output,
      paper: job.paper,
      copies: job.copies,
      largePrint: job.largePrint,
      pageCount: job.pageCount,
      items: job.items.map((i) => ({ ...i })),
      pack: pickPack(job.items.map((i) => i.id))
    }))
  }

  /** The same versions, languages, paper, size, practitioner and clinic profile as logged. */
  async reprint(input: {
    id: number
    output: OutputKind
    copies?: number | undefined
    patientName?: string | undefined
  }): Promise<PrintResult> {
    const job = this.log.get(input.id)
    if (job === null) throw new ApiError('not_found', 'That print is not in the log.')
    const options: PrintOptions = {
      items: job.items.map((i) => ({ id: i.id, lang: i.lang, version: i.version })),
      paper: job.paper,
      largePrint: job.largePrint,
      copies: input.copies ?? job.copies,
      ...(job.practitioner !== null ? { practitioner: job.practitioner } : {}),
      ...(input.patientName !== undefined ? { patientName: input.patientName } : {})
    }
    const profile = this.deps.settings.profileAt(job.profileRevision)
    return input.output === 'pdf' ? this.savePdf(options, profile) : this.print(options, profile)
  }

  private record(
    options: PrintOptions,
    output: OutputKind,
    pageCount: number,
    profileRevision: number
  ): number | null {
    if (this.deps.guard.readOnly) return null
    try {
      // The integrity gate: a print right after a reopen may come before the deferred full check
      // (docs/data-safety.md). The sheet is already printed; a damaged library refuses the log
      // entry and is reported by that check itself, so the print still counts as done.
      this.deps.guard.assertWritable()
    } catch {
      return null
    }
    const items = options.items.map((item) => {
      const printable = this.deps.handouts.printable(item.id, item.lang, item.version)
      return { id: item.id, lang: item.lang, version: printable.version }
    })
    // Deliberately built field by field: nothing from `options` but these goes to the log.
    return this.log.insert({
      printedAt: isoNow(this.deps.clock),
      output,
      paper: options.paper,
      copies: options.copies,
      largePrint: options.largePrint,
      pageCount,
      practitioner: blankToUndefined(options.practitioner) ?? null,
      profileRevision,
      items
    })
  }

  private markdownToHtml(markdown: string): string {
    const { html, diagrams } = renderMarkdown(markdown)
    if (diagrams.length === 0) return html
    return html.replace(
      /<figure class="diagram" data-diagram-index="(\d+)"><\/figure>/g,
      (_m, index: string) => {
        const source = diagrams[Number(index)]?.source
        const svg = source === undefined ? null : (this.deps.diagramSvg?.(source) ?? null)
        const clean = svg === null ? '' : sanitizeSvg(svg)
        return clean === ''
          ? '<figure class="diagram missing"><p>(Diagram: open this handout in Pointbook once to prepare it for printing.)</p></figure>'
          : `<figure class="diagram">${clean}</figure>`
      }
    )
  }

  private requirePdf() {
    const pdf = this.ports.pdf
    if (pdf === undefined) throw new ApiError('io_error', 'Making PDFs is not available here.')
    return pdf
  }

  private defaultFileName(options: PrintOptions): string {
    const ids = options.items.map((i) => i.id)
    const lang = options.items[0]?.lang ?? 'en'
    const pack = packOf(ids)
    const stem = pack?.id ?? (ids.length === 1 ? ids[0] : 'handouts')
    return `${stem}-${lang}${options.largePrint ? '-large-print' : ''}.pdf`
  }
}

function pickPack(ids: readonly string[]): { id: string; label: string } | null {
  const pack = packOf(ids)
  return pack === null ? null : { id: pack.id, label: pack.label }
}

const blankToUndefined = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value.trim()
