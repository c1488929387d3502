import { api } from '../../lib/api'
import { useAsync } from '../../lib/use-async'
import { useDebounced } from '../../lib/use-debounced'
import { ErrorState } from '../../components/states'
import type { HandoutDraft, PrintItem } from '../../../../shared/api/handouts'
import { paperLabel } from '../../../../shared/handouts/paper'
import type { PaperSize } from '../../../../shared/handouts/paper'
import { PdfPages } from './pdf-pages'

interface PreviewPanelProps {
  readonly items: readonly PrintItem[]
  readonly paper: PaperSize
  readonly largePrint: boolean
  readonly patientName?: string
  readonly practitioner?: string
  /** Unsaved editor text, previewed as it would print. */
  readonly draft?: (HandoutDraft & { id: string; lang: string }) | undefined
  readonly label: string
}

/** The exact pages that will print: the core's PDF of the same document, drawn with pdf.js. */
export function PreviewPanel(props: PreviewPanelProps) {
  const request = {
    items: [...props.items],
    paper: props.paper,
    largePrint: props.largePrint,
    ...(props.patientName?.trim() ? { patientName: props.patientName.trim() } : {}),
    ...(props.practitioner?.trim() ? { practitioner: props.practitioner.trim() } : {}),
    ...(props.draft ? { draft: props.draft } : {})
  }
  const key = useDebounced(JSON.stringify(request), props.draft ? 700 : 250)
  const preview = useAsync(() => api.handouts.preview(JSON.parse(key) as typeof request), key)
  return (
    <section className="preview-panel" aria-label={props.label}>
      {preview.state.status === 'loading' && (
        <div className="pdf-pages pdf-pages--loading" role="status" aria-busy="true">
          Preparing the pages…
        </div>
      )}
      {preview.state.status === 'error' && (
        <ErrorState
          title="The preview could not be made"
          error={preview.state.error}
          onRetry={preview.reload}
        />
      )}
      {preview.state.status === 'ready' && (
        <>
          <p className="muted preview-panel__count">
            {preview.state.data.pageCount} {preview.state.data.pageCount === 1 ? 'page' : 'pages'} ·{' '}
            {paperLabel(props.paper)}
            {props.largePrint ? ' · large print' : ''}
          </p>
          <PdfPages pdfBase64={preview.state.data.pdfBase64} label={props.label} />
        </>
      )}
    </section>
  )
}
