import { ApiError } from '../../../shared/api/errors'
import type { ExplainSheetInput, ExplainSheetResult } from '../../../shared/api/explain'
import { toMapMuscle } from '../../../shared/atlas/map-muscle'
import type { AtlasService } from '../atlas/atlas-service'
import type { Clock } from '../clock'
import type { Platform } from '../platform'
import type { SettingsService } from '../settings/settings-service'
import { buildExplainSheet } from './explain-sheet'
import { countPdfPages } from './pdf-renderer'
import { writePdfAtomically } from './write-pdf'

export interface ExplainServiceDeps {
  readonly clock: Clock
  readonly atlas: AtlasService
  readonly settings: SettingsService
  /** The same PDF renderer, printer and save dialog the handouts print through. */
  readonly ports: Pick<Platform, 'pdf' | 'printer' | 'chooseSavePath'>
}

/**
 * Explain mode's sheet through the handouts' pipeline: the same document builder, printer and
 * save dialog. Nothing is written to the library: the sheet names no patient and is made again
 * from the atlas at any time, so it stays out of the print log (which reprints handout versions).
 */
export class ExplainService {
  constructor(private readonly deps: ExplainServiceDeps) {}

  /** The sheet's print document (HTML), on the given paper or the clinic's default. */
  document(input: ExplainSheetInput): string {
    const muscle = this.deps.atlas.muscle(input.muscleId)
    const profile = this.deps.settings.getProfile()
    return buildExplainSheet({
      profile,
      muscle: toMapMuscle(muscle, muscle.flags),
      version: Math.max(1, muscle.contentVersion),
      paper: input.paper ?? profile.defaultPaper,
      printedAt: this.deps.clock()
    })
  }

  async print(input: ExplainSheetInput): Promise<ExplainSheetResult> {
    const printer = this.deps.ports.printer
    if (printer === undefined) {
      throw new ApiError('io_error', 'Printing is not available here. Use "Save as PDF" instead.')
    }
    const profile = this.deps.settings.getProfile()
    const status = await printer.print(this.document(input), {
      paper: input.paper ?? profile.defaultPaper,
      copies: 1,
      deviceName: profile.printerName
    })
    return { status: status === 'printed' ? 'printed' : 'cancelled', path: null, pageCount: 0 }
  }

  async savePdf(input: ExplainSheetInput): Promise<ExplainSheetResult> {
    const { pdf, chooseSavePath } = this.deps.ports
    if (pdf === undefined || chooseSavePath === undefined) {
      throw new ApiError('io_error', 'Saving a PDF is not available here.')
    }
    // Made before the dialog, so a muscle that is not there fails before asking where to save.
    const html = this.document(input)
    const chosen = await chooseSavePath(`where-your-pain-may-come-from-${input.muscleId}.pdf`)
    if (chosen === null) return { status: 'cancelled', path: null, pageCount: 0 }
    const path = /\.pdf$/i.test(chosen) ? chosen : `${chosen}.pdf`
    const bytes = await pdf.toPdf(html, {
      paper: input.paper ?? this.deps.settings.getProfile().defaultPaper
    })
    writePdfAtomically(path, bytes)
    return { status: 'saved', path, pageCount: countPdfPages(bytes) }
  }
}
