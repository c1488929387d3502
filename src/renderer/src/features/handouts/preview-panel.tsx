import { useState } from 'react'
import { api } from '../../lib/api'
import { useAsync } from '../../lib/use-async'
import { useDebounced } from '../../lib/use-debounced'
import { ErrorState } from '../../components/states'
import type { HandoutDraft, HandoutPreview, PrintItem } from '../../../../shared/api/handouts'
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
  // While editing, the last pages stay up (marked busy) until the next ones are ready, instead of
  // "Preparing the pages…" at every pause in typing. Elsewhere (another handout or language
  // chosen) old pages would mislead, so they go at once.
  const keepPrevious = props.draft !== undefined
  const [lastReady, setLastReady] = useState<HandoutPreview | null>(null)
  if (preview.state.status === 'ready' && preview.state.data !== lastReady) {
    setLastReady(preview.state.data)
  }
  const shown =
    preview.state.status === 'ready'
      ? preview.state.data
      : keepPrevious && preview.state.status === 'loading'
        ? lastReady
        : null
  return (
    <section
      className="preview-panel"
      aria-label={props.label}
      aria-busy={shown !== null && preview.state.status === 'loading' ? true : undefined}
    >
      {preview.state.status === 'loading' && shown === null && (
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
      {shown !== null && (
        <>
          <p className="muted preview-panel__count">
            {shown.pageCount} {shown.pageCount === 1 ? 'page' : 'pages'} · {paperLabel(props.paper)}
            {props.largePrint ? ' · large print' : ''}
          </p>
          <PdfPages pdfBase64={shown.pdfBase64} label={props.label} keepPrevious={keepPrevious} />
        </>
      )}
    </section>
  )
}
