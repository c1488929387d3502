import { useCallback, useState } from 'react'
import type { PrintItem, PrintResult } from '../../../../shared/api/handouts'
import type { PaperSize } from '../../../../shared/handouts/paper'
import { useToast } from '../../components/toast'
import { api } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { printInput } from './print-options'
import type { PrintChoices } from './print-options'

export type PrintState =
  | { readonly status: 'idle' }
  | { readonly status: 'busy'; readonly action: 'print' | 'pdf' }
  | { readonly status: 'done'; readonly result: PrintResult }
  | { readonly status: 'error'; readonly message: string }

export interface PrintHookOptions {
  /** Say the result in a notice too; off where the screen shows it beside the buttons. */
  readonly notify?: boolean
}

/**
 * A print form's state for a set of handouts: the choices (starting on the clinic's paper, one
 * copy, no names) and Print and Save as PDF with them.
 */
export function usePrint(
  items: readonly PrintItem[],
  defaultPaper: PaperSize,
  options: PrintHookOptions = {}
) {
  const [choices, setChoices] = useState<PrintChoices>(() => ({
    paper: defaultPaper,
    largePrint: false,
    copies: 1,
    patientName: '',
    practitioner: ''
  }))
  return { choices, setChoices, ...usePrintActions(items, choices, options.notify ?? true) }
}

/** Print and Save as PDF for a set of handouts, with a spoken result. */
function usePrintActions(items: readonly PrintItem[], choices: PrintChoices, notify: boolean) {
  const showToast = useToast()
  const toast = useCallback(
    (options: Parameters<typeof showToast>[0]) => {
      if (notify) showToast(options)
    },
    [notify, showToast]
  )
  const [state, setState] = useState<PrintState>({ status: 'idle' })
  const [openError, setOpenError] = useState<string | null>(null)

  const run = useCallback(
    async (action: 'print' | 'pdf') => {
      if (items.length === 0) return
      setOpenError(null)
      setState({ status: 'busy', action })
      try {
        const input = { items: [...items], ...printInput(choices) }
        const result =
          action === 'print' ? await api.handouts.print(input) : await api.handouts.savePdf(input)
        setState({ status: 'done', result })
        const savedFileId = result.savedFileId
        toast({
          message: describeResult(result, input.copies),
          // A PDF just saved opens from the notice (the front desk has its own buttons).
          ...(savedFileId !== undefined && {
            action: {
              label: 'Open',
              run: () =>
                api.handouts
                  .openSaved({ savedFileId, action: 'open' })
                  .then(() => undefined)
                  .catch((error: unknown) => toast({ message: errorMessage(error), tone: 'error' }))
            }
          })
        })
      } catch (error) {
        const message = errorMessage(error)
        setState({ status: 'error', message })
        toast({ message, tone: 'error' })
      }
    },
    [items, choices, toast]
  )

  /** "Open" or "Show in folder" for the PDF just saved; a failure is said where the result is. */
  const openSaved = useCallback(
    async (action: 'open' | 'showInFolder') => {
      if (state.status !== 'done' || state.result.savedFileId === undefined) return
      setOpenError(null)
      try {
        await api.handouts.openSaved({ savedFileId: state.result.savedFileId, action })
      } catch (error) {
        const message = errorMessage(error)
        setOpenError(message)
        toast({ message, tone: 'error' })
      }
    },
    [state, toast]
  )

  return {
    state,
    print: () => run('print'),
    savePdf: () => run('pdf'),
    openSaved,
    openError,
    busy: state.status === 'busy'
  }
}

export function describeResult(result: PrintResult, copies: number): string {
  if (result.status === 'cancelled') return 'Not printed: the dialog was closed.'
  if (result.status === 'saved') return `Saved as PDF: ${result.path ?? ''}`
  return `Sent to the printer (${copies} ${copies === 1 ? 'copy' : 'copies'}).`
}
