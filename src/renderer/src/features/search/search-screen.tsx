import { SEARCH_TEXT_MAX } from '../../../../shared/api/search'
import type { SearchHit, SearchKind } from '../../../../shared/api/search'
import { hrefForHit } from '../../app/sections'
import { EmptyState, ErrorState, SkeletonList } from '../../components/states'
import { Link } from '../../lib/link'
import { hrefWith, navigate } from '../../lib/router'
import { DidYouMean } from './did-you-mean'
import { useDocumentTitle } from '../../lib/use-document-title'
import { HitSummary } from './hit-parts'
import { SearchFilters } from './search-filters'
import { groupHits, isKind } from './search-kinds'
import { useSearch } from './use-search'
import './search-screen.css'

const PAGE_LIMIT = 100

/** Full results for `#/search?q=…&kind=…&tag=…`, grouped by kind, with filter chips. */
export function SearchScreen({ query }: { query: URLSearchParams }) {
  // An address can hold more than the search field allows; the API would refuse it whole.
  const q = (query.get('q') ?? '').slice(0, SEARCH_TEXT_MAX)
  const kinds = query.getAll('kind').filter(isKind)
  const tags = query.getAll('tag').slice(0, 10)
  useDocumentTitle(q ? `Search: ${q}` : 'Search')
  const { state, shown, busy, reload } = useSearch({
    q,
    ...(kinds.length > 0 ? { kinds } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    limit: PAGE_LIMIT
  })

  return (
    <section className="screen" aria-labelledby="search-title">
      <div className="screen__header">
        <div>
          <h1 id="search-title">{q.trim() ? <>Results for “{q.trim()}”</> : 'Search'}</h1>
          <p className="screen__subtitle">
            Searches articles and everything else in the library at once.
          </p>
        </div>
      </div>
      {q.trim() === '' && (
        <EmptyState
          title="Type in the search field above"
          message="Words are matched as you type; the start of a word is enough."
        />
      )}
      {busy && !shown && <SkeletonList label="Searching" rows={4} />}
      {state.status === 'error' && (
        <ErrorState title="The search failed." error={state.error} onRetry={reload} />
      )}
      {shown && state.status !== 'error' && (
        <div className="search-results" aria-busy={busy}>
          <SearchFilters
            q={q}
            kinds={kinds}
            tags={tags}
            counts={shown.countsByKind}
            hits={shown.hits}
          />
          <DidYouMean
            result={shown}
            onSearch={(text) =>
              void navigate(hrefWith('/search', { q: text, kind: kinds, tag: tags }))
            }
          />
          <p className="visually-hidden" role="status">
            {busy ? '' : `${shown.hits.length} ${shown.hits.length === 1 ? 'result' : 'results'}`}
          </p>
          {shown.hits.length === 0 ? (
            <EmptyState
              title={`Nothing found for “${shown.q.trim() || q.trim()}”`}
              message={
                kinds.length > 0 || tags.length > 0
                  ? 'Try removing a filter, or a word.'
                  : 'Check the spelling, or try fewer or shorter words.'
              }
            />
          ) : (
            <ResultGroups hits={shown.hits} counts={shown.countsByKind} />
          )}
        </div>
      )}
    </section>
  )
}

function ResultGroups({
  hits,
  counts
}: {
  hits: readonly SearchHit[]
  counts: Record<string, number>
}) {
  return (
    <div className="result-groups">
      {groupHits(hits).map((group) => (
        <section
          key={group.kind}
          aria-labelledby={`results-${group.kind}`}
          className="result-group"
        >
          <h2 id={`results-${group.kind}`}>
            {group.label}{' '}
            <span className="count">{countLabel(group.kind, group.hits.length, counts)}</span>
          </h2>
          <ul className="hit-list">
            {group.hits.map((hit, i) => {
              const href = hrefForHit(hit)
              const snippetId = `hit-${group.kind}-${i}-snippet`
              return (
                <li key={`${hit.kind}:${hit.id}`} className="hit">
                  {href ? (
                    <Link to={href} className="hit__link">
                      <HitSummary hit={hit} snippetId={snippetId} />
                    </Link>
                  ) : (
                    <div className="hit__link hit__link--static">
                      <HitSummary hit={hit} snippetId={snippetId} />
                    </div>
                  )}
                </li>
              )
            })}
          </ul>
        </section>
      ))}
    </div>
  )
}

function countLabel(kind: SearchKind, shown: number, counts: Record<string, number>): string {
  const total = counts[kind] ?? shown
  return total > shown ? `${shown} of ${total}` : String(shown)
}
