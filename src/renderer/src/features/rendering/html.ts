import DOMPurify from 'dompurify'
import { renderMarkdown } from '../../../../shared/markdown'

export interface RenderedMarkdown {
  /** Sanitized twice: by the shared renderer, then by DOMPurify here (defence in depth). */
  readonly html: string
  readonly diagrams: readonly { readonly index: number; readonly source: string }[]
}

const FORBID_TAGS = [
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'form',
  'foreignObject',
  'base'
]

/** Markdown → HTML safe to insert. Article links stay `#/articles/…`; nothing else may navigate. */
export function renderArticleHtml(markdown: string): RenderedMarkdown {
  const { html, diagrams } = renderMarkdown(markdown)
  const clean = DOMPurify.sanitize(html, {
    FORBID_TAGS,
    FORBID_ATTR: ['style', 'srcset', 'formaction', 'action', 'target'],
    ALLOW_DATA_ATTR: true
  })
  return { html: clean, diagrams }
}
