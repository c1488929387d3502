import type { SearchHit } from '../../../../shared/api/search'
import { Highlighted } from '../../components/highlighted'
import { FLAG_LABELS, KIND_LABELS } from './search-kinds'

/** A hit's accessible name: its title and where it belongs (the snippet is its description). */
export function hitLabel(hit: SearchHit): string {
  const name = hit.parent ? `${hit.title}, in ${hit.parent.title}` : hit.title
  // Safety flags are visible in the hit, so they belong in its accessible name too.
  const flags = hit.flags.map((flag) => FLAG_LABELS[flag])
  return flags.length > 0 ? `${name} ${flags.join(' ')}` : name
}

/** Title (highlighted), where it belongs, safety flags and the highlighted snippet of a hit. */
export function HitSummary({ hit, snippetId }: { hit: SearchHit; snippetId?: string }) {
  return (
    <>
      <span className="hit__title">
        <Highlighted
          segments={
            hit.titleHighlighted.length > 0
              ? hit.titleHighlighted
              : [{ text: hit.title, highlight: false }]
          }
        />
      </span>
      {hit.parent && (
        <span className="hit__parent">
          in {KIND_LABELS[hit.parent.kind].replace(/s$/, '').toLowerCase()} {hit.parent.title}
        </span>
      )}
      {hit.flags.length > 0 && (
        <span className="hit__flags">
          {hit.flags.map((flag) => (
            <span key={flag} className="badge badge--flag">
              {FLAG_LABELS[flag]}
            </span>
          ))}
        </span>
      )}
      {hit.snippet.length > 0 && (
        <span className="hit__snippet" id={snippetId}>
          <Highlighted segments={hit.snippet} />
        </span>
      )}
    </>
  )
}
