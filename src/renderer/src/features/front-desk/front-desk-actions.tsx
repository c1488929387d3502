import type { PrintState } from '../handouts/use-print-actions'

interface FrontDeskActionsProps {
  /** A choice is made and every handout in it has the chosen language. */
  readonly ready: boolean
  readonly state: PrintState
  readonly busy: boolean
  readonly openError: string | null
  readonly onPrint: () => void
  readonly onSavePdf: () => void
  readonly onOpenSaved: (action: 'open' | 'showInFolder') => void
}

/**
 * Print and Save as PDF in a bar that stays at the bottom of the window while the choices
 * scroll, with the result beside the buttons (not in a notice that could cover them) and, after
 * a save, "Open" and "Show in folder".
 */
export function FrontDeskActions(props: FrontDeskActionsProps) {
  const { ready, state, busy, openError } = props
  const saved = state.status === 'done' && state.result.status === 'saved' ? state.result : null
  return (
    <div className="front-desk__bar" role="group" aria-label="Print or save">
      <div className="front-desk__buttons">
        <button
          type="button"
          className="button button--primary button--big"
          disabled={!ready || busy}
          onClick={props.onPrint}
        >
          Print
        </button>
        <button
          type="button"
          className="button button--big"
          disabled={!ready || busy}
          onClick={props.onSavePdf}
        >
          Save as PDF
        </button>
      </div>
      <div className="front-desk__result">
        <p className="front-desk__status" role="status" aria-live="polite">
          {statusText(ready, state)}
          {openError !== null && ` ${openError}`}
        </p>
        {saved?.savedFileId !== undefined && (
          <div className="front-desk__saved-actions">
            <button type="button" className="button" onClick={() => props.onOpenSaved('open')}>
              Open
            </button>
            <button
              type="button"
              className="button"
              onClick={() => props.onOpenSaved('showInFolder')}
            >
              Show in folder
            </button>
          </div>
        )}
      </div>
    </div>
  )
}

function statusText(ready: boolean, state: PrintState): string {
  if (state.status === 'error') return state.message
  if (!ready) return 'Choose a pack or a handout first.'
  if (state.status === 'busy') return 'Preparing…'
  if (state.status !== 'done') return ''
  switch (state.result.status) {
    case 'saved':
      return `Saved: ${state.result.path ?? ''}`
    case 'printed':
      return 'Sent to the printer.'
    case 'cancelled':
      return 'Nothing was printed.'
  }
}
