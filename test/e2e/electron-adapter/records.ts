import type { PaperSize } from '../../../src/shared/handouts/paper'

/** A job the shell sent to the printer (webContents.print in its print window). */
export interface PrintJob {
  /** The document the print window showed: the one the core rendered. */
  readonly html: string
  readonly paper: PaperSize
  readonly copies: number
  readonly deviceName: string | null
}

/** What the shell asked of the system: print jobs, save dialogs, files opened. */
export interface Printing {
  readonly printJobs: PrintJob[]
  /** The default file names the save dialog was opened with. */
  readonly saveDialogRequests: string[]
  /** Paths the shell opened (shell.openPath) or showed in their folder (showItemInFolder). */
  readonly opened: Array<{ readonly action: 'open' | 'showInFolder'; readonly path: string }>
}

/** Everything the adapter saw the shell do that a test may check; kept across restarts. */
export interface AdapterRecords {
  /** Every request that tried to leave the app (S10); tests assert it stays empty. */
  readonly externalRequests: string[]
  /** Requests the session's onBeforeRequest (the shell's S10 guard) cancelled. */
  readonly cancelledRequests: string[]
  /** Navigations a 'will-navigate' listener of the shell cancelled (as the page asked for them). */
  readonly cancelledNavigations: string[]
  /** Links the shell handed to the system browser (shell.openExternal). */
  readonly openedExternally: string[]
  /** Message and error boxes the shell showed: 'title: message'. */
  readonly messageBoxes: string[]
  readonly printing: Printing
}

/** The answers the adapter's system dialogs give (a clinic's clicks). */
export interface DialogAnswers {
  /** Save dialog: a path, null for "cancelled", or undefined for the suggested path. */
  readonly saveDialogPath?: string | null | undefined
  /** Folder picker: a path, null = cancelled, undefined = a new temporary folder. */
  readonly folderDialogPath?: string | null | undefined
  /** Open-file dialog: a path, or null/undefined = cancelled. */
  readonly openDialogPath?: string | null | undefined
}

export const emptyRecords = (): AdapterRecords => ({
  externalRequests: [],
  cancelledRequests: [],
  cancelledNavigations: [],
  openedExternally: [],
  messageBoxes: [],
  printing: { printJobs: [], saveDialogRequests: [], opened: [] }
})
