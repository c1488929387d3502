import type { Emphasis, Html, Nodes, Parent, PhrasingContent } from 'mdast'

const OPEN = /^<mark>$/i
const CLOSE = /^<\/mark>$/i

/**
 * Raw HTML is never rendered, with one exception: `<mark>…</mark>` inside one paragraph (or
 * heading, cell…) becomes a highlight. The tags themselves must be exactly `<mark>` and
 * `</mark>` (no attributes); an unmatched tag is dropped like any other raw HTML.
 */
export function remarkMark() {
  return (tree: Nodes): void => {
    visitParents(tree)
  }
}

function visitParents(node: Nodes): void {
  if (!('children' in node)) return
  pairMarks(node)
  for (const child of node.children) visitParents(child)
}

function pairMarks(parent: Parent): void {
  const children = parent.children
  for (let open = 0; open < children.length; open++) {
    if (!isHtml(children[open], OPEN)) continue
    const close = children.findIndex((child, index) => index > open && isHtml(child, CLOSE))
    if (close === -1) return
    const inner = children.slice(open + 1, close) as PhrasingContent[]
    // An emphasis node renamed to <mark>: mdast-util-to-hast honours data.hName.
    const mark: Emphasis = { type: 'emphasis', children: inner, data: { hName: 'mark' } }
    children.splice(open, close - open + 1, mark)
  }
}

function isHtml(node: Nodes | undefined, pattern: RegExp): node is Html {
  return node !== undefined && node.type === 'html' && pattern.test(node.value.trim())
}
