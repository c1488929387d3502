import type { PaperSize } from '../../../shared/handouts/paper'

/**
 * Turns the print document into PDF bytes. The app uses the Electron print window
 * (`printToPDF({ preferCSSPageSize: true })`, src/main/print-window.ts); tests and the e2e harness
 * use Chromium's `page.pdf()` (test/support/chromium-pdf-renderer.ts). Both take the same document.
 */
export interface PdfRenderer {
  toPdf(html: string, options: { paper: PaperSize }): Promise<Buffer>
}

/** Sends the print document to a printer through the system dialog (or silently, see below). */
export interface DocumentPrinter {
  /**
   * `deviceName` set = print silently to that printer (the one the clinic chose in Settings);
   * otherwise the system print dialog opens with copies and paper preset.
   * Resolves 'cancelled' when the user closes the dialog without printing.
   */
  print(
    html: string,
    options: { paper: PaperSize; copies: number; deviceName: string | null }
  ): Promise<'printed' | 'cancelled'>
  listPrinters(): Promise<Array<{ name: string; displayName: string; isDefault: boolean }>>
}

/** Asks the user where to save a PDF (the shell's save dialog); null when cancelled. */
export type SavePathChooser = (defaultFileName: string) => Promise<string | null>

/** Counts the pages of a PDF Chromium or Electron wrote (one `/Type /Page` object per page). */
export function countPdfPages(pdf: Buffer): number {
  const matches = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)
  return matches === null ? 0 : matches.length
}
