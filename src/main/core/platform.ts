import type { Clock } from './clock'
import type { DocumentPrinter, PdfRenderer, SavePathChooser } from './print/pdf-renderer'

/**
 * What the platform supplies to the core, given once to `openLibrary`: the Electron shell passes
 * its print window, save dialog and the OS locale (src/main/print-window.ts); tests and the e2e
 * harness pass Chromium's page.pdf() and a stub dialog. Anything left out is simply unavailable:
 * without `pdf` the core still builds print documents, and preview, print and save report that
 * printing is not available.
 */
export interface Platform {
  readonly pdf?: PdfRenderer | undefined
  readonly printer?: DocumentPrinter | undefined
  readonly chooseSavePath?: SavePathChooser | undefined
  /** The system locale (Electron: app.getLocale()); sets the first default paper and language. */
  readonly locale?: string | undefined
  /** An open-file dialog (Import library…); null when cancelled. */
  readonly chooseOpenPath?: ((title: string) => Promise<string | null>) | undefined
  /**
   * Opens a file with the system's default app (Electron: shell.openPath); resolves to an error
   * message, '' when it opened. Only ever given a PDF the core itself saved (print/saved-files.ts).
   */
  readonly openPath?: ((path: string) => Promise<string>) | undefined
  /** Shows a file selected in the system's file manager (Electron: shell.showItemInFolder). */
  readonly showInFolder?: ((path: string) => void) | undefined
  /** A folder picker (Settings → Backups, the second backup folder); null when cancelled. */
  readonly chooseFolder?: ((title: string) => Promise<string | null>) | undefined
  /**
   * Restarts the app (a restore is carried out at the next start, when no library is open). The
   * shell relaunches Electron; the e2e harness reopens the library and reloads the page.
   */
  readonly restart?: (() => void) | undefined
  /** Every timestamp comes from here (tests fix it). */
  readonly clock?: Clock | undefined
  /** The clinic network's hub: listen on one address only, and whether to announce it (tests). */
  readonly network?: { readonly listenHost?: string; readonly announce?: boolean } | undefined
}
