import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist'
import type { PDFDocumentProxy } from 'pdfjs-dist'
// The worker ships with the app (a file next to the bundle): nothing is fetched from the network.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'

GlobalWorkerOptions.workerSrc = workerUrl

/**
 * Opens PDF bytes with pdf.js. Loaded on first use (pdf.js is large). No eval (the CSP forbids
 * it), and glyphs drawn as paths rather than installed as page fonts.
 */
export function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false
  }).promise
}

export type { PDFDocumentProxy }
