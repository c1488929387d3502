import * as stack from '../../../shared/markdown/markdown-stack'
import { fromBuild } from '../content/build-derived'

/** The parts of an mdast node this walk reads (kept structural: no dependency on @types/mdast). */
interface MarkdownNode {
  readonly type: string
  readonly value?: string
  readonly alt?: string | null
  readonly lang?: string | null
  readonly children?: readonly MarkdownNode[]
}

const makeParser = () => stack.unified().use(stack.remarkParse).use(stack.remarkGfm)
// Made on first use, so loading this module does not load the markdown stack.
let parser: ReturnType<typeof makeParser> | undefined

const BLOCKS = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'listItem',
  'tableCell',
  'tableRow',
  'code',
  'thematicBreak'
])

// Labels of flowchart nodes and edges: A[Label], B(Label), C{Label}, -->|Label|, "Label".
const MERMAID_LABEL_RE = /\[([^\]]+)\]|\(([^()]+)\)|\{([^{}]+)\}|\|([^|]+)\||"([^"]+)"/g

/**
 * Plain text of a markdown document for the search index: words people read, without markup
 * (so snippets show "the twitch response", not "**twitch**" or link targets). Code blocks are
 * left out, except the node and edge labels of mermaid diagrams, which are words people read.
 */
export function markdownToSearchText(markdown: string): string {
  // A built-in article's text during its import comes from the build (content/build-derived.ts).
  return fromBuild('search-text', markdown, computeSearchText)
}

function computeSearchText(markdown: string): string {
  const parts: string[] = []
  parser ??= makeParser()
  walk(parser.parse(markdown) as MarkdownNode, parts)
  return parts
    .join('')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n[\n ]*/g, '\n')
    .trim()
}

function walk(node: MarkdownNode, parts: string[]): void {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      parts.push(node.value ?? '')
      return
    case 'image':
      parts.push(node.alt ?? '')
      return
    case 'break':
      parts.push('\n')
      return
    case 'html':
      return
    case 'code':
      if (node.lang === 'mermaid') parts.push(mermaidLabels(node.value ?? ''), '\n')
      return
    default:
      for (const child of node.children ?? []) walk(child, parts)
      if (BLOCKS.has(node.type)) parts.push(node.type === 'tableCell' ? ' ' : '\n')
  }
}

function mermaidLabels(source: string): string {
  const labels: string[] = []
  for (const match of source.matchAll(MERMAID_LABEL_RE)) {
    const label = match.slice(1).find((group) => group !== undefined)
    if (label) labels.push(label.replace(/<[^>]*>/g, ' ').trim())
  }
  return labels.join('. ')
}
