import { useEffect, useRef, useState } from 'react'
import type { PDFDocumentProxy } from './pdfjs'

interface PdfPagesProps {
  /** The print PDF, base64, exactly as it prints. */
  readonly pdfBase64: string
  /** Accessible name of the preview ("Preview of After your IMS treatment"). */
  readonly label: string
  /** CSS width of each page image. */
  readonly width?: number
  /**
   * Keep showing the previous PDF's pages (marked busy) until the new one is open, instead of
   * "Drawing the pages…": the editor's preview, redrawn as the text changes.
   */
  readonly keepPrevious?: boolean
}

const toBytes = (base64: string): Uint8Array => {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * The preview: the very PDF that prints, drawn page by page with pdf.js onto canvases, header
 * and footer included. Nothing of the document enters the page's DOM (only pixels), so the
 * preview is as inert as the print window.
 */
export function PdfPages({ pdfBase64, label, width = 560, keepPrevious = false }: PdfPagesProps) {
  // Kept with the bytes it belongs to: a new PDF shows "drawing" at once, never the old pages
  // (unless keepPrevious).
  const [opened, setOpened] = useState<{
    source: string
    doc: PDFDocumentProxy | null
    failed: boolean
  } | null>(null)

  useEffect(() => {
    let active = true
    import('./pdfjs')
      .then(({ openPdf }) => openPdf(toBytes(pdfBase64)))
      .then((pdf) => {
        if (active) setOpened({ source: pdfBase64, doc: pdf, failed: false })
        else void pdf.destroy()
      })
      .catch((error: unknown) => {
        console.error('Pointbook: the preview could not be drawn', error)
        if (active) setOpened({ source: pdfBase64, doc: null, failed: true })
      })
    return () => {
      active = false
    }
  }, [pdfBase64])

  // A document is destroyed once another has replaced it on screen, or on unmount (so the
  // previous pages can stay up while the next PDF opens).
  const shownDoc = opened?.doc ?? null
  useEffect(
    () => () => {
      if (shownDoc !== null) void shownDoc.destroy()
    },
    [shownDoc]
  )

  const isCurrent = opened !== null && opened.source === pdfBase64
  const current = isCurrent || (keepPrevious && opened !== null && !opened.failed) ? opened : null
  const failed = current?.failed === true
  const doc = current?.doc ?? null

  if (failed) {
    return (
      <p className="notice notice--warning" role="alert">
        The preview could not be drawn. Printing and saving still work.
      </p>
    )
  }
  if (doc === null) {
    return (
      <div className="pdf-pages pdf-pages--loading" role="status" aria-busy="true">
        Drawing the pages…
      </div>
    )
  }
  const pages = Array.from({ length: doc.numPages }, (_, n) => n + 1)
  return (
    <div
      className="pdf-pages"
      role="group"
      aria-label={`${label}: ${doc.numPages} page${doc.numPages === 1 ? '' : 's'}`}
      aria-busy={isCurrent ? undefined : true}
    >
      {pages.map((n) => (
        <PdfPage key={`${n}`} doc={doc} number={n} total={doc.numPages} width={width} />
      ))}
    </div>
  )
}

function PdfPage(props: { doc: PDFDocumentProxy; number: number; total: number; width: number }) {
  const { doc, number, total, width } = props
  const canvas = useRef<HTMLCanvasElement>(null)
  const [aspect, setAspect] = useState('612 / 792')

  useEffect(() => {
    let cancelled = false
    let task: { cancel(): void; promise: Promise<unknown> } | null = null
    void doc.getPage(number).then((page) => {
      if (cancelled || canvas.current === null) return
      const base = page.getViewport({ scale: 1 })
      const scale = width / base.width
      const ratio = Math.min(window.devicePixelRatio || 1, 3)
      const viewport = page.getViewport({ scale: scale * ratio })
      const element = canvas.current
      element.width = Math.floor(viewport.width)
      element.height = Math.floor(viewport.height)
      setAspect(`${base.width} / ${base.height}`)
      const context = element.getContext('2d')
      if (context === null) return
      task = page.render({ canvasContext: context, viewport })
      task.promise.catch(() => undefined)
    })
    return () => {
      cancelled = true
      task?.cancel()
    }
  }, [doc, number, width])

  return (
    <figure className="pdf-page">
      <canvas
        ref={canvas}
        style={{ width: '100%', maxWidth: width, aspectRatio: aspect }}
        role="img"
        aria-label={`Page ${number} of ${total}`}
      />
      <figcaption className="pdf-page__number" aria-hidden="true">
        {number} / {total}
      </figcaption>
    </figure>
  )
}
