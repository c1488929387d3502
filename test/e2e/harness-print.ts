import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import type { Platform } from '../../src/main/core'
import { ChromiumPdfRenderer } from '../support/chromium-pdf-renderer'
import type { PaperSize } from '../../src/shared/handouts/paper'

/** A job the stand-in printer received (the document is the one the core rendered). */
export interface HarnessPrintJob {
  readonly html: string
  readonly paper: PaperSize
  readonly copies: number
  readonly deviceName: string | null
}

/** What the harness's stand-ins for the shell's print window and save dialog saw. */
export interface HarnessPrinting {
  readonly printJobs: HarnessPrintJob[]
  /** The default file names the save dialog was opened with. */
  readonly saveDialogRequests: string[]
  /**
   * Paths the core asked the shell to open ("Open") or to show in their folder (the chromium
   * harness's stand-ins; with a real Electron the shell opens them and nothing is recorded).
   */
  readonly opened?: Array<{ readonly action: 'open' | 'showInFolder'; readonly path: string }>
}

export interface HarnessPrintOptions {
  /**
   * What the stand-in for the shell's save dialog answers (dialog.showSaveDialog in the app): a
   * path, null for "cancelled", or undefined for `<dataDir>/saved/<suggested name>`.
   */
  readonly saveDialogPath?: string | null | undefined
}

/**
 * The shell's print platform for the chromium harness, given to openLibrary: PDFs come from the
 * same Chromium (page.pdf(), the stand-in for printToPDF), the save dialog is a stub, and the
 * "system print dialog" records the job and answers 'printed'.
 */
export function harnessPrintPlatform(
  browser: Browser,
  dataDir: string,
  options: HarnessPrintOptions
): { platform: Platform; printing: HarnessPrinting } {
  const opened: NonNullable<HarnessPrinting['opened']> = []
  const printing: HarnessPrinting = { printJobs: [], saveDialogRequests: [], opened }
  const platform: Platform = {
    pdf: new ChromiumPdfRenderer({ browser }),
    chooseSavePath: async (suggested) => {
      printing.saveDialogRequests.push(suggested)
      if (options.saveDialogPath !== undefined) return options.saveDialogPath
      const dir = join(dataDir, 'saved')
      mkdirSync(dir, { recursive: true })
      return join(dir, suggested)
    },
    openPath: async (path) => {
      opened.push({ action: 'open', path })
      return ''
    },
    showInFolder: (path) => {
      opened.push({ action: 'showInFolder', path })
    },
    printer: {
      print: async (html, job) => {
        printing.printJobs.push({ html, ...job })
        return 'printed'
      },
      listPrinters: async () => []
    }
  }
  return { platform, printing }
}
