import type { SearchHit, SearchKind } from '../../../../shared/api/search'
import { hrefWith, navigate } from '../../lib/router'
import { KIND_LABELS, KIND_ORDER } from './search-kinds'

interface SearchFiltersProps {
  q: string
  kinds: readonly SearchKind[]
  tags: readonly string[]
  counts: Record<string, number>
  hits: readonly SearchHit[]
}

const MAX_TAG_CHIPS = 12

/** Toggle chips: by kind (with the count of every match) and by tag (from the hits shown). */
export function SearchFilters({ q, kinds, tags, counts, hits }: SearchFiltersProps) {
  const go = (nextKinds: readonly string[], nextTags: readonly string[]) =>
    void navigate(hrefWith('/search', { q, kind: [...nextKinds], tag: [...nextTags] }), {
      replace: true
    })
  const toggle = <T,>(list: readonly T[], value: T) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value]

  const kindChips = KIND_ORDER.filter((k) => (counts[k] ?? 0) > 0 || kinds.includes(k))
  const tagCounts = new Map<string, number>()
  for (const hit of hits) for (const t of hit.tags) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1)
  const tagChips = [
    ...tags,
    ...[...tagCounts.entries()]
      .filter(([t]) => !tags.includes(t))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAX_TAG_CHIPS)
      .map(([t]) => t)
  ]

  if (kindChips.length === 0 && tagChips.length === 0) return null
  return (
    <div className="filters">
      {kindChips.length > 0 && (
        <div className="filters__row" role="group" aria-label="Filter by kind">
          {kindChips.map((kind) => (
            <button
              key={kind}
              type="button"
              className={kinds.includes(kind) ? 'chip chip--active' : 'chip'}
              aria-pressed={kinds.includes(kind)}
              onClick={() => go(toggle(kinds, kind), tags)}
            >
              {KIND_LABELS[kind]} <span className="chip__count">{counts[kind] ?? 0}</span>
            </button>
          ))}
        </div>
      )}
      {tagChips.length > 0 && (
        <div className="filters__row" role="group" aria-label="Filter by tag">
          {tagChips.map((tag) => (
            <button
              key={tag}
              type="button"
              className={tags.includes(tag) ? 'chip chip--tag chip--active' : 'chip chip--tag'}
              aria-pressed={tags.includes(tag)}
              onClick={() => go(kinds, toggle(tags, tag))}
            >
              #{tag}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
