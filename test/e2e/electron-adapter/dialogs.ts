import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import type { AdapterRecords, DialogAnswers } from './records'

interface MessageBoxOptions {
  readonly title?: string
  readonly message: string
  readonly cancelId?: number
}

/** Electron's dialog functions take an optional parent window first. */
const lastArgument = <T>(args: unknown[]): T => args[args.length - 1] as T

/**
 * `dialog`: answers as LaunchOptions say and records what was asked. A message box (start-up
 * recovery, a damaged library) is answered with its cancel button: the test sees it in
 * `messageBoxes`, and the app goes the way a clinic closing the box would.
 */
export function adapterDialog(records: AdapterRecords, answers: DialogAnswers) {
  return {
    showErrorBox: (title: string, message: string): void => {
      records.messageBoxes.push(`${title}: ${message}`)
      console.error(`Pointbook (e2e): error box "${title}": ${message}`)
    },
    showMessageBox: async (...args: unknown[]) => {
      const options = lastArgument<MessageBoxOptions>(args)
      records.messageBoxes.push(`${options.title ?? ''}: ${options.message}`)
      return { response: options.cancelId ?? 0, checkboxChecked: false }
    },
    showSaveDialog: async (...args: unknown[]) => {
      const { defaultPath = 'untitled' } = lastArgument<{ defaultPath?: string }>(args)
      records.printing.saveDialogRequests.push(basename(defaultPath))
      if (answers.saveDialogPath === null) return { canceled: true, filePath: '' }
      const filePath = answers.saveDialogPath ?? defaultPath
      mkdirSync(dirname(filePath), { recursive: true })
      return { canceled: false, filePath }
    },
    showOpenDialog: async (...args: unknown[]) => {
      const { properties = [] } = lastArgument<{ properties?: string[] }>(args)
      const answer = properties.includes('openDirectory')
        ? answers.folderDialogPath === undefined
          ? mkdtempSync(join(tmpdir(), 'pointbook-second-'))
          : answers.folderDialogPath
        : (answers.openDialogPath ?? null)
      return answer === null
        ? { canceled: true, filePaths: [] }
        : { canceled: false, filePaths: [answer] }
    }
  }
}

/** `shell`: records what would open in another app; nothing is opened. */
export function adapterShell(records: AdapterRecords) {
  return {
    openPath: async (path: string): Promise<string> => {
      records.printing.opened.push({ action: 'open', path })
      return ''
    },
    showItemInFolder: (path: string): void => {
      records.printing.opened.push({ action: 'showInFolder', path })
    },
    openExternal: async (url: string): Promise<void> => {
      records.openedExternally.push(url)
    }
  }
}
