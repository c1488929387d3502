import type { SearchHit } from '../../../../shared/api/search'
import { hrefForHit } from '../../app/sections'
import { hrefWith } from '../../lib/router'
import { errorMessage } from '../../lib/errors'
import { DidYouMean } from './did-you-mean'
import { HitSummary, hitLabel } from './hit-parts'
import { groupHits } from './search-kinds'
import type { SearchResult, SearchState } from './use-search'

export interface PopupOption {
  readonly key: string
  readonly group: string
  readonly href: string | null
  readonly hit: SearchHit | null
  readonly id: (listboxId: string) => string
}

/** The dropdown's options in order: hits by kind, then "See all results". */
export function popupOptions(result: SearchResult, q: string): PopupOption[] {
  const options: PopupOption[] = []
  for (const group of groupHits(result.hits)) {
    for (const hit of group.hits) {
      const n = options.length
      options.push({
        key: `${hit.kind}:${hit.id}`,
        group: group.label,
        href: hrefForHit(hit),
        hit,
        id: (listboxId) => `${listboxId}-${n}`
      })
    }
  }
  if (result.hits.length > 0) {
    const n = options.length
    options.push({
      key: 'all',
      group: '',
      href: hrefWith('/search', { q: q.trim() }),
      hit: null,
      id: (listboxId) => `${listboxId}-${n}`
    })
  }
  return options
}

interface SearchPopupProps {
  listboxId: string
  search: SearchState
  query: string
  options: readonly PopupOption[]
  active: number
  onChoose: (option: PopupOption) => void
  onHover: (index: number) => void
  /** Searches for other text (a spelling suggestion). */
  onSearch: (text: string) => void
}

export function SearchPopup({
  listboxId,
  search,
  query,
  options,
  active,
  onChoose,
  onHover,
  onSearch
}: SearchPopupProps) {
  const { state, shown, busy } = search
  const total = shown ? Object.values(shown.countsByKind).reduce((a, b) => a + b, 0) : 0
  const groups = new Map<string, { option: PopupOption; index: number }[]>()
  options.forEach((option, index) => {
    const list = groups.get(option.group) ?? []
    list.push({ option, index })
    groups.set(option.group, list)
  })

  return (
    <div className="search-popup">
      <p className="visually-hidden" role="status">
        {shown && !busy
          ? `${total} ${total === 1 ? 'result' : 'results'}. Use the up and down arrows to choose.`
          : ''}
      </p>
      {busy && !shown && (
        <p className="search-popup__status" aria-busy="true">
          Searching…
        </p>
      )}
      {state.status === 'error' && (
        <p className="search-popup__status search-popup__status--error">
          The search failed: {errorMessage(state.error)}
        </p>
      )}
      {shown && <DidYouMean result={shown} onSearch={onSearch} />}
      {shown && !busy && options.length === 0 && (
        <p className="search-popup__status">No matches for “{query.trim()}”.</p>
      )}
      {options.length > 0 && (
        <div
          id={listboxId}
          role="listbox"
          aria-label="Search results"
          aria-busy={busy}
          className="listbox"
        >
          {[...groups.entries()].map(([label, items]) => {
            const inner = items.map(({ option, index }) => (
              <div
                key={option.key}
                id={option.id(listboxId)}
                role="option"
                aria-selected={index === active}
                aria-disabled={option.href === null ? true : undefined}
                aria-label={option.hit ? hitLabel(option.hit) : undefined}
                aria-describedby={
                  option.hit && option.hit.snippet.length > 0
                    ? `${option.id(listboxId)}-snippet`
                    : undefined
                }
                className={index === active ? 'option option--active' : 'option'}
                onMouseDown={(event) => event.preventDefault()}
                onMouseMove={() => index !== active && onHover(index)}
                onClick={() => onChoose(option)}
              >
                {option.hit ? (
                  <HitSummary hit={option.hit} snippetId={`${option.id(listboxId)}-snippet`} />
                ) : (
                  <span className="option__all">
                    See all results for “{query.trim()}” ({total})
                  </span>
                )}
              </div>
            ))
            if (!label) return inner
            const groupId = `${listboxId}-${label.replace(/\W+/g, '-')}`
            return (
              <div key={label} role="group" aria-labelledby={groupId} className="listbox__group">
                <div id={groupId} role="presentation" className="listbox__heading">
                  {label}
                  <span className="count">
                    {shown?.countsByKind[kindOf(items[0]?.option.hit)] ?? items.length}
                  </span>
                </div>
                {inner}
              </div>
            )
          })}
        </div>
      )}
    </div>
  )
}

function kindOf(hit: SearchHit | null | undefined): string {
  return hit ? hit.kind : ''
}
