import type { Element, Root, RootContent, ElementContent } from 'hast'
import type { VFile } from 'vfile'

/** One ```mermaid block: where its placeholder is and the diagram text to render. */
export interface DiagramSource {
  readonly index: number
  readonly source: string
}

declare module 'vfile' {
  interface DataMap {
    diagrams: DiagramSource[]
  }
}

/**
 * Replaces each ```mermaid code block with an empty
 * `<figure class="diagram" data-diagram-index="N">` and records its source in `file.data`. The
 * diagram text never reaches the HTML: the renderer fills the figure with mermaid's sanitized SVG,
 * the print pipeline with the cached one. Runs before sanitizing, so the figure still has to
 * pass the schema.
 */
export function rehypeDiagrams() {
  return (tree: Root, file: VFile): void => {
    const diagrams: DiagramSource[] = []
    replaceIn(tree, diagrams)
    file.data.diagrams = diagrams
  }
}

function replaceIn(parent: Root | Element, diagrams: DiagramSource[]): void {
  parent.children = parent.children.map((child: RootContent | ElementContent) => {
    if (child.type !== 'element') return child
    const source = mermaidSource(child)
    if (source === null) {
      replaceIn(child, diagrams)
      return child
    }
    const index = diagrams.length
    diagrams.push({ index, source })
    return placeholder(index)
  }) as typeof parent.children
}

/** The text of `<pre><code class="language-mermaid">`, as written (without the closing newline). */
function mermaidSource(element: Element): string | null {
  if (element.tagName !== 'pre' || element.children.length !== 1) return null
  const code = element.children[0]
  if (code === undefined || code.type !== 'element' || code.tagName !== 'code') return null
  const classes = code.properties['className']
  if (!Array.isArray(classes) || !classes.includes('language-mermaid')) return null
  const text = code.children.map((child) => (child.type === 'text' ? child.value : '')).join('')
  return text.endsWith('\n') ? text.slice(0, -1) : text
}

function placeholder(index: number): Element {
  return {
    type: 'element',
    tagName: 'figure',
    properties: { className: ['diagram'], dataDiagramIndex: String(index) },
    children: []
  }
}
