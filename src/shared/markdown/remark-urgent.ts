import type { Blockquote, Nodes } from 'mdast'

/** The marker line that makes a block quote the "Get help right away" box. */
const MARKER = /^\[!URGENT\][ \t]*(?:\r?\n|$)/i

/**
 * One kind of box besides the ordinary call-out: a block quote whose first line is `[!URGENT]`
 * (GitHub's alert syntax) becomes `<blockquote class="urgent">`, the box for symptoms that need
 * help right away (docs/handouts.md). The marker line is removed; nothing else changes, and
 * `urgent` is the only class the sanitizer lets a block quote keep (markdown-schema.ts).
 */
export function remarkUrgent() {
  return (tree: Nodes): void => {
    visit(tree)
  }
}

function visit(node: Nodes): void {
  if (node.type === 'blockquote') markUrgent(node)
  if ('children' in node) for (const child of node.children) visit(child)
}

function markUrgent(quote: Blockquote): void {
  const first = quote.children[0]
  if (first?.type !== 'paragraph') return
  const text = first.children[0]
  if (text?.type !== 'text' || !MARKER.test(text.value)) return
  text.value = text.value.replace(MARKER, '')
  if (text.value === '') first.children.shift()
  // "[!URGENT]" directly followed by a line break or nothing else leaves an empty paragraph.
  const rest = first.children[0]
  if (rest?.type === 'break') first.children.shift()
  if (first.children.length === 0) quote.children.shift()
  quote.data = { ...quote.data, hProperties: { className: ['urgent'] } }
}
