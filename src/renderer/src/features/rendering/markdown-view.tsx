import { useEffect, useRef, useState } from 'react'
import type { MouseEvent } from 'react'
import { ErrorState } from '../../components/states'
import { navigate } from '../../lib/router'
import type * as PipelineModule from './pipeline'
import './markdown.css'

type Pipeline = typeof PipelineModule

let pipeline: Promise<Pipeline> | null = null

function loadPipeline(): Promise<Pipeline> {
  pipeline ??= import('./pipeline').catch((error: unknown) => {
    pipeline = null
    throw error
  })
  return pipeline
}

interface MarkdownViewProps {
  markdown: string
  /** Accessible name of the rendered region ("Article text", "Preview"). */
  label: string
  className?: string
  /** Store newly drawn diagrams in the library's cache (off for the editor's live preview). */
  persistDiagrams?: boolean
}

interface Outcome {
  readonly markdown: string
  readonly error: unknown
}

/**
 * Renders article markdown: sanitized HTML, then mermaid diagrams drawn lazily into their
 * placeholders. In-app article links go through the router; nothing else navigates the window.
 */
export function MarkdownView({
  markdown,
  label,
  className,
  persistDiagrams = true
}: MarkdownViewProps) {
  const bodyRef = useRef<HTMLDivElement>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let cancelled = false
    const body = bodyRef.current
    loadPipeline()
      .then(({ renderArticleHtml, drawDiagrams }) => {
        if (cancelled || !body) return
        const { html, diagrams } = renderArticleHtml(markdown)
        body.innerHTML = html
        setOutcome({ markdown, error: null })
        if (diagrams.length > 0) {
          void drawDiagrams(body, diagrams, () => cancelled, { persist: persistDiagrams })
        }
      })
      .catch((error: unknown) => {
        if (cancelled) return
        console.error('Pointbook: the article could not be rendered', error)
        setOutcome({ markdown, error })
      })
    return () => {
      cancelled = true
    }
  }, [markdown, attempt, persistDiagrams])

  const ready = outcome !== null && outcome.markdown === markdown
  const failed = ready && outcome.error !== null
  return (
    <div className={className ? `markdown ${className}` : 'markdown'}>
      {!ready && (
        <p className="markdown__loading" role="status" aria-busy="true">
          <span className="spinner" aria-hidden="true" /> Preparing the text…
        </p>
      )}
      {failed && (
        <ErrorState
          title="This text could not be displayed."
          error={outcome.error}
          onRetry={() => setAttempt((n) => n + 1)}
        />
      )}
      <div
        ref={bodyRef}
        className="prose"
        role="region"
        aria-label={label}
        hidden={failed}
        onClick={onBodyClick}
      />
    </div>
  )
}

/** App links open in the app; footnote links scroll; every other link is held back here. */
function onBodyClick(event: MouseEvent<HTMLDivElement>) {
  const target = event.target as Element | null
  const anchor = target?.closest('a')
  if (!anchor || !event.currentTarget.contains(anchor)) return
  const href = anchor.getAttribute('href') ?? ''
  event.preventDefault()
  // An app route: an article link, or a note's [[link]] to any item (notes/note-markdown.ts).
  if (href.startsWith('#/')) {
    void navigate(href)
    return
  }
  if (href.startsWith('#') && !href.startsWith('#/')) {
    const id = decodeURIComponent(href.slice(1))
    const destination = id ? document.getElementById(id) : null
    if (destination && event.currentTarget.contains(destination)) {
      destination.scrollIntoView?.({ block: 'start' })
      if (!destination.hasAttribute('tabindex')) destination.setAttribute('tabindex', '-1')
      destination.focus({ preventScroll: true })
    }
  }
  // External links (data-external): ask for a new window, which the shell always denies; its
  // window-open handler hands allow-listed https links to the system browser (S3).
  if (anchor.hasAttribute('data-external')) window.open(href, '_blank', 'noopener,noreferrer')
}
