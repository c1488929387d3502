import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ElectronApplication } from 'playwright-core'
import type { AdapterRecords, DialogAnswers, PrintJob } from './electron-adapter/records'

/** Prefix of the main process's console lines that carry a record (see installStandIns). */
const MARK = '__pointbook_e2e_record__'

type Report =
  | { readonly kind: 'print'; readonly value: PrintJob }
  | { readonly kind: 'saveDialog'; readonly value: string }
  | { readonly kind: 'open' | 'showInFolder' | 'external' | 'box'; readonly value: string }

/** What the stand-ins answer, as plain JSON (undefined does not cross into the app). */
interface Answers {
  readonly mark: string
  /** A path, null for "cancelled", '' for the path the app suggested. */
  readonly savePath: string | null
  readonly folder: string | null
  readonly openPath: string | null
}

/**
 * With a real Electron (Playwright's `_electron`) the shell runs as shipped; only what a test
 * cannot click — the system's dialogs, the printer, other apps — is answered here, inside the
 * app's main process, the same way the adapter answers it (electron-adapter/dialogs.ts,
 * browser-window.ts). What the shell asked comes back as console lines of the main process,
 * which Playwright hands to the harness, into the same records the tests read.
 * Not run on this project's machines (no Electron binary can be installed there).
 */
export async function installStandIns(
  app: ElectronApplication,
  records: AdapterRecords,
  answers: DialogAnswers
): Promise<void> {
  app.on('console', (message) => {
    const text = message.text()
    if (!text.startsWith(MARK)) return
    const report = JSON.parse(text.slice(MARK.length)) as Report
    if (report.kind === 'print') records.printing.printJobs.push(report.value)
    else if (report.kind === 'saveDialog') records.printing.saveDialogRequests.push(report.value)
    else if (report.kind === 'external') records.openedExternally.push(report.value)
    else if (report.kind === 'box') records.messageBoxes.push(report.value)
    else records.printing.opened.push({ action: report.kind, path: report.value })
  })
  const plain: Answers = {
    mark: MARK,
    savePath: answers.saveDialogPath === undefined ? '' : answers.saveDialogPath,
    folder:
      answers.folderDialogPath === undefined
        ? mkdtempSync(join(tmpdir(), 'pointbook-second-'))
        : answers.folderDialogPath,
    openPath: answers.openDialogPath ?? null
  }
  await app.evaluate(({ app: electronApp, dialog, shell, webContents }, given) => {
    const report = (kind: string, value: unknown): void =>
      console.log(`${given.mark}${JSON.stringify({ kind, value })}`)
    const last = <T>(args: unknown[]): T => args[args.length - 1] as T
    const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path
    Object.assign(dialog, {
      showErrorBox: (title: string, message: string) => report('box', `${title}: ${message}`),
      showMessageBox: async (...args: unknown[]) => {
        const options = last<{ title?: string; message: string; cancelId?: number }>(args)
        report('box', `${options.title ?? ''}: ${options.message}`)
        return { response: options.cancelId ?? 0, checkboxChecked: false }
      },
      showSaveDialog: async (...args: unknown[]) => {
        const { defaultPath = 'untitled' } = last<{ defaultPath?: string }>(args)
        report('saveDialog', baseName(defaultPath))
        if (given.savePath === null) return { canceled: true, filePath: '' }
        return { canceled: false, filePath: given.savePath === '' ? defaultPath : given.savePath }
      },
      showOpenDialog: async (...args: unknown[]) => {
        const { properties = [] } = last<{ properties?: string[] }>(args)
        const answer = properties.includes('openDirectory') ? given.folder : given.openPath
        return answer === null
          ? { canceled: true, filePaths: [] }
          : { canceled: false, filePaths: [answer] }
      }
    })
    Object.assign(shell, {
      openPath: async (path: string) => (report('open', path), ''),
      showItemInFolder: (path: string) => report('showInFolder', path),
      openExternal: async (url: string) => report('external', url)
    })
    // The print window is made per job: its print() records the document it shows (read back
    // through its own session, whose app:// handler serves it) and answers "printed".
    const recordPrints = (contents: Electron.WebContents): void => {
      contents.print = (options = {}, callback) => {
        void contents.session
          .fetch(contents.getURL())
          .then((response) => response.text())
          .then((html) => {
            report('print', {
              html,
              paper: options.pageSize === 'A4' ? 'a4' : 'letter',
              copies: options.copies ?? 1,
              deviceName: options.deviceName ?? null
            })
            callback?.(true, '')
          })
      }
    }
    webContents.getAllWebContents().forEach(recordPrints)
    electronApp.on('web-contents-created', (_event, contents) => recordPrints(contents))
  }, plain)
}
