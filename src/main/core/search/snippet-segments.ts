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

/** Cuts marked text into segments; adjacent segments of the same kind are merged, empty ones dropped. */
export function toSnippetSegments(marked: string): Snippet {
  const segments: { text: string; highlight: boolean }[] = []
  let highlight = false
  let current = ''
  const flush = (): void => {
    if (current === '') return
    const last = segments[segments.length - 1]
    if (last && last.highlight === highlight) last.text += current
    else segments.push({ text: current, highlight })
    current = ''
  }
  for (const char of marked) {
    if (char === HIGHLIGHT_OPEN || char === HIGHLIGHT_CLOSE) {
      flush()
      highlight = char === HIGHLIGHT_OPEN
    } else {
      current += char
    }
  }
  flush()
  return segments
}
