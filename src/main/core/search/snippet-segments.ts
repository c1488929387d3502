import type { Snippet } from '../../../shared/api/search'

/**
 * FTS5 marks matches with these private-use characters (never HTML): a snippet is then cut into
 * structured segments, and the renderer wraps the highlighted ones in <mark>. Indexed text has
 * them removed, so a document can never fake a highlight.
 */
export const HIGHLIGHT_OPEN = '\uE000'
export const HIGHLIGHT_CLOSE = '\uE001'

const SENTINELS_RE = /[\uE000\uE001]/g

export const stripHighlightSentinels = (text: string): string =>
  hasMarks(text) ? text.replace(SENTINELS_RE, '') : text

const hasMarks = (text: string): boolean =>
  text.includes(HIGHLIGHT_OPEN) || text.includes(HIGHLIGHT_CLOSE)

/**
 * Cuts marked text into segments; adjacent segments of the same kind are merged, empty ones
 * dropped. A search cuts two per hit (title and snippet), so this scans for the marks rather than
 * splitting with a regular expression, and text without marks is one segment.
 */
export function toSnippetSegments(marked: string): Snippet {
  if (!hasMarks(marked)) return marked === '' ? [] : [{ text: marked, highlight: false }]
  const segments: { text: string; highlight: boolean }[] = []
  let highlight = false
  let start = 0
  while (start <= marked.length) {
    const open = marked.indexOf(HIGHLIGHT_OPEN, start)
    const close = marked.indexOf(HIGHLIGHT_CLOSE, start)
    const mark = open < 0 ? close : close < 0 ? open : Math.min(open, close)
    const end = mark < 0 ? marked.length : mark
    if (end > start) {
      const text = marked.slice(start, end)
      const last = segments[segments.length - 1]
      if (last && last.highlight === highlight) last.text += text
      else segments.push({ text, highlight })
    }
    if (mark < 0) break
    highlight = mark === open
    start = mark + 1
  }
  return segments
}
