import type { Snippet } from '../../../shared/api/search'

/**
 * FTS5 marks matches with these private-use characters (never HTML): a snippet is then cut into
 * structured segments, and the renderer wraps the highlighted ones in <mark>. Indexed text has
 * them removed, so a document can never fake a highlight.
 */
export const HIGHLIGHT_OPEN = '\uE000'
export const HIGHLIGHT_CLOSE = '\uE001'

const SENTINELS_RE = /[\uE000\uE001]/g

export const stripHighlightSentinels = (text: string): string => text.replace(SENTINELS_RE, '')

const MARKS_RE = /([\uE000\uE001])/

/** Cuts marked text into segments; adjacent segments of the same kind are merged, empty ones dropped. */
export function toSnippetSegments(marked: string): Snippet {
  const segments: { text: string; highlight: boolean }[] = []
  let highlight = false
  // Split keeps the marks (the capture group) between the texts they separate.
  for (const part of marked.split(MARKS_RE)) {
    if (part === HIGHLIGHT_OPEN || part === HIGHLIGHT_CLOSE) {
      highlight = part === HIGHLIGHT_OPEN
      continue
    }
    if (part === '') continue
    const last = segments[segments.length - 1]
    if (last && last.highlight === highlight) last.text += part
    else segments.push({ text: part, highlight })
  }
  return segments
}
