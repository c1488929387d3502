import * as stack from './markdown-stack'
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
const makeProcessor = () =>
  stack
    .unified()
    .use(stack.remarkParse)
    .use(stack.remarkGfm)
    .use(remarkMark)
    .use(remarkUrgent)
    .use(stack.remarkRehype)
    .use(rehypeDiagrams)
    .use(stack.rehypeSanitize, markdownSchema)
    .use(rehypeLinks)
    .use(stack.rehypeStringify)
    .freeze()

// Made on first use, so loading this module does not load the markdown stack.
let processor: ReturnType<typeof makeProcessor> | undefined

export function renderMarkdown(markdown: string): RenderedMarkdown {
  processor ??= makeProcessor()
  const file = processor.processSync(markdown)
  return { html: String(file), diagrams: file.data.diagrams ?? [] }
}
