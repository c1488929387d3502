import { useState } from 'react'
import type { KeyboardEvent } from 'react'
import type { SearchHit, SearchKind } from '../../../../shared/api/search'
import { useDebounced } from '../../lib/use-debounced'
import { hitLabel } from '../search/hit-parts'
import { KIND_LABELS } from '../search/search-kinds'
import { useSearch } from '../search/use-search'

/** How many items the chooser offers (a few to pick from; typing more narrows them). */
const CHOICES = 8

export interface ItemChooser {
  readonly hits: readonly SearchHit[]
  readonly active: number
  readonly busy: boolean
  readonly setActive: (index: number) => void
  /** Arrow keys, Enter and Escape while the list is open; true when the key was handled. */
  readonly onKeyDown: (event: KeyboardEvent) => boolean
}

/**
 * Items of the one search to choose from as the text is typed (a note's `[[` link, "Attach
 * to…"): the same ranked search as the top bar, limited to `kinds` when given.
 */
export function useItemChooser(
  text: string | null,
  onChoose: (hit: SearchHit) => void,
  onClose: () => void,
  kinds?: readonly SearchKind[]
): ItemChooser {
  const q = useDebounced(text ?? '', 120)
  const search = useSearch({
    q: text === null ? '' : q,
    limit: CHOICES,
    ...(kinds ? { kinds: [...kinds] } : {})
  })
  const hits = text === null ? [] : (search.shown?.hits ?? [])
  const [activeRaw, setActive] = useState(0)
  const active = Math.min(activeRaw, Math.max(0, hits.length - 1))
  const onKeyDown = (event: KeyboardEvent): boolean => {
    if (text === null) return false
    switch (event.key) {
      case 'ArrowDown':
        setActive((active + 1) % Math.max(1, hits.length))
        break
      case 'ArrowUp':
        setActive((active - 1 + hits.length) % Math.max(1, hits.length))
        break
      case 'Enter':
      case 'Tab': {
        const hit = hits[active]
        if (!hit) return false
        onChoose(hit)
        break
      }
      case 'Escape':
        onClose()
        break
      default:
        return false
    }
    event.preventDefault()
    event.stopPropagation()
    return true
  }
  return { hits, active, busy: search.busy, setActive, onKeyDown }
}

/** The chooser's list: each item's title, kind and where it belongs. */
export function ItemListbox({
  id,
  label,
  chooser,
  onChoose,
  emptyText
}: {
  id: string
  label: string
  chooser: ItemChooser
  onChoose: (hit: SearchHit) => void
  /** Shown when nothing matches (or nothing is typed yet). */
  emptyText: string
}) {
  if (chooser.hits.length === 0) {
    return (
      <p className="item-chooser__empty" role="status" aria-busy={chooser.busy}>
        {chooser.busy ? 'Searching…' : emptyText}
      </p>
    )
  }
  return (
    <ul id={id} role="listbox" aria-label={label} className="listbox item-chooser">
      {chooser.hits.map((hit, index) => (
        <li
          key={`${hit.kind}:${hit.id}`}
          id={optionId(id, index)}
          role="option"
          aria-selected={index === chooser.active}
          aria-label={`${hitLabel(hit)} (${kindName(hit.kind)})`}
          className={index === chooser.active ? 'option option--active' : 'option'}
          onMouseDown={(event) => event.preventDefault()}
          onMouseMove={() => index !== chooser.active && chooser.setActive(index)}
          onClick={() => onChoose(hit)}
        >
          <span className="hit__title">{hit.title}</span>
          <span className="hit__parent">
            {kindName(hit.kind)}
            {hit.parent ? ` in ${hit.parent.title}` : ''}
          </span>
        </li>
      ))}
    </ul>
  )
}

export const optionId = (listboxId: string, index: number): string => `${listboxId}-${index}`

/** "Muscle", "Trigger point": the group heading in the singular. */
const kindName = (kind: SearchKind): string => KIND_LABELS[kind].replace(/s$/, '')
