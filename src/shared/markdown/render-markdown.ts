import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { markdownSchema } from './markdown-schema'
import { rehypeDiagrams } from './rehype-diagrams'
import type { DiagramSource } from './rehype-diagrams'
import { rehypeLinks } from './rehype-links'
import { remarkMark } from './remark-mark'
import { remarkUrgent } from './remark-urgent'

export interface RenderedMarkdown {
  /** Sanitized HTML, safe to put in the page or the print document as is. */
  readonly html: string
  /** The ```mermaid blocks, in order; `index` matches the figure's data-diagram-index. */
  readonly diagrams: readonly DiagramSource[]
}

/**
 * Markdown (CommonMark + GFM) to sanitized HTML. Raw HTML in the markdown is never rendered
 * (remark-rehype drops it; `<mark>` is the one exception, see remark-mark.ts); the result is
 * sanitized against a strict allow-list, then links are rewritten to what the app may follow.
 * Pure: no DOM, no Node, so the renderer and the print pipeline share it.
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMark)
  .use(remarkUrgent)
  .use(remarkRehype)
  .use(rehypeDiagrams)
  .use(rehypeSanitize, markdownSchema)
  .use(rehypeLinks)
  .use(rehypeStringify)
  .freeze()

export function renderMarkdown(markdown: string): RenderedMarkdown {
  const file = processor.processSync(markdown)
  return { html: String(file), diagrams: file.data.diagrams ?? [] }
}
