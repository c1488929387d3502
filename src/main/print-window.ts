import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { BrowserWindow, app, dialog, session } from 'electron'
import type { Session, WebContentsPrintOptions } from 'electron'
import { ApiError } from '../shared/api/errors'
import { paperLabel } from '../shared/handouts/paper'
import type { PaperSize } from '../shared/handouts/paper'
import { PRINT_DOCUMENT_CSP } from './core'
import type { DocumentPrinter, PdfRenderer, Platform } from './core'
import { APP_ORIGIN, APP_SCHEME } from './origins'
import { buildPrintWebPreferences } from './window'

/**
 * The Electron side of the one print pipeline (docs/architecture.md §4, P2, P3). The core renders the print
 * document; here it is laid out in a hidden window that runs no JavaScript, has no preload, and
 * lives in its own in-memory session. The document is served from memory on that session's own
 * app:// handler (a one-time address per job), not from a data: URL, which Chromium caps at 2 MB
 * (a Chinese handout with its fonts comes close). Every window is destroyed when its job ends:
 * printed, cancelled, or failed.
 */
export const PRINT_PARTITION = 'pointbook-print'
const PRINT_PATH = /^\/__print\/([0-9a-f]{32})\.html$/

const documents = new Map<string, string>()
let printSession: Session | null = null

function printWindowSession(): Session {
  if (printSession !== null) return printSession
  const ses = session.fromPartition(PRINT_PARTITION)
  ses.protocol.handle(APP_SCHEME, (request) => {
    const match = PRINT_PATH.exec(new URL(request.url).pathname)
    const html = match === null ? undefined : documents.get(match[1] as string)
    if (html === undefined) return new Response('Not found', { status: 404 })
    return new Response(html, {
      status: 200,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': PRINT_DOCUMENT_CSP,
        'x-content-type-options': 'nosniff'
      }
    })
  })
  printSession = ses
  return ses
}

/** Opens a hidden print window on the document, runs `job`, and always destroys the window. */
export async function withPrintWindow<T>(
  html: string,
  job: (window: BrowserWindow) => Promise<T>
): Promise<T> {
  const token = randomBytes(16).toString('hex')
  documents.set(token, html)
  const window = new BrowserWindow({
    show: false,
    width: 816,
    height: 1056,
    title: 'Pointbook print',
    webPreferences: { ...buildPrintWebPreferences(), session: printWindowSession() }
  })
  try {
    await window.loadURL(`${APP_ORIGIN}/__print/${token}.html`)
    return await job(window)
  } finally {
    documents.delete(token)
    if (!window.isDestroyed()) window.destroy()
  }
}

export const electronPdfRenderer: PdfRenderer = {
  toPdf: (html, { paper }) =>
    withPrintWindow(html, (window) =>
      window.webContents.printToPDF({
        // Without it Chromium ignores the document's @page size (docs/architecture.md §4).
        preferCSSPageSize: true,
        printBackground: true,
        pageSize: paperLabel(paper)
      })
    )
}

/** The print options for one job: silent only when the clinic chose a printer in Settings. */
export function printOptionsFor(options: {
  paper: PaperSize
  copies: number
  deviceName: string | null
}): WebContentsPrintOptions {
  return {
    silent: options.deviceName !== null,
    ...(options.deviceName !== null ? { deviceName: options.deviceName } : {}),
    copies: options.copies,
    pageSize: paperLabel(options.paper),
    printBackground: true,
    color: true
  }
}

export function electronPrinter(getWindow: () => BrowserWindow | null): DocumentPrinter {
  return {
    print: (html, options) =>
      withPrintWindow(
        html,
        (window) =>
          new Promise<'printed' | 'cancelled'>((resolve, reject) => {
            window.webContents.print(printOptionsFor(options), (success, failureReason) => {
              if (success) resolve('printed')
              else if (failureReason === 'cancelled') resolve('cancelled')
              else
                reject(
                  new ApiError(
                    'io_error',
                    `The handout was not printed: ${failureReason || 'the printer reported a problem'}.`
                  )
                )
            })
          })
      ),
    listPrinters: async () => {
      const window = getWindow()
      if (window === null || window.isDestroyed()) return []
      const printers = await window.webContents.getPrintersAsync()
      return printers.map((p) => ({
        name: p.name,
        displayName: p.displayName || p.name,
        isDefault: (p as { isDefault?: boolean }).isDefault === true
      }))
    }
  }
}

/** The system save dialog, asked from the main window; null when the user cancels. */
export function saveDialogChooser(getWindow: () => BrowserWindow | null) {
  return async (defaultFileName: string): Promise<string | null> => {
    const options = {
      title: 'Save handout as PDF',
      defaultPath: join(app.getPath('documents'), defaultFileName),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<
        'createDirectory' | 'showOverwriteConfirmation'
      >
    }
    const window = getWindow()
    const result =
      window !== null && !window.isDestroyed()
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options)
    return result.canceled || result.filePath === undefined || result.filePath === ''
      ? null
      : result.filePath
  }
}

/**
 * What the shell gives the core at open (`openLibrary({ platform })` in bootstrap.ts): the print
 * window, the save dialog and the OS locale. Jobs look the main window up when they start, so
 * this can be built before the window exists.
 */
export function electronPlatform(getWindow: () => BrowserWindow | null): Platform {
  return {
    locale: app.getLocale(),
    pdf: electronPdfRenderer,
    printer: electronPrinter(getWindow),
    chooseSavePath: saveDialogChooser(getWindow)
  }
}

/** For tests: forget the session and any queued documents. */
export function resetPrintWindowState(): void {
  documents.clear()
  printSession = null
}

export const openPrintDocumentCount = (): number => documents.size
