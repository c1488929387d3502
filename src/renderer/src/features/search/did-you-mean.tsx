import type { SearchResult } from './use-search'

/**
 * The core's spelling suggestion: "Showing results for trapezius" when the typed words matched
 * nothing and the hits are those of the nearest words, or "Did you mean trapezius?" (a button
 * that searches for it) when even those found nothing better.
 */
export function DidYouMean({
  result,
  onSearch
}: {
  result: SearchResult
  onSearch: (text: string) => void
}) {
  const suggestion = result.didYouMean
  if (!suggestion) return null
  return (
    <p className="did-you-mean" role="note">
      {suggestion.applied ? (
        <>
          No matches for “{result.q.trim()}”. Showing results for <strong>{suggestion.text}</strong>
          .
        </>
      ) : (
        <>
          Did you mean{' '}
          <button
            type="button"
            className="did-you-mean__choice"
            onClick={() => onSearch(suggestion.text)}
          >
            {suggestion.text}
          </button>
          ?
        </>
      )}
    </p>
  )
}
