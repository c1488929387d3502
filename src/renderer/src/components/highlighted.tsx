import type { Snippet } from '../../../shared/api/search'

/**
 * Search snippets are structured text (never HTML): highlighted parts become <mark>, everything
 * else a text node, so nothing from the index can inject markup.
 */
export function Highlighted({ segments }: { segments: Snippet }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.highlight ? (
          <mark key={i}>{segment.text}</mark>
        ) : (
          <span key={i}>{segment.text}</span>
        )
      )}
    </>
  )
}
