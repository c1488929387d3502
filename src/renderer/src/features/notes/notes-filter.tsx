import { useId, useState } from 'react'
import type { Note } from '../../../../shared/api/notes'
import { Link } from '../../lib/link'
import { hrefWith } from '../../lib/router'
import { useDebounced } from '../../lib/use-debounced'
import { useSearch } from '../search/use-search'

/** The one search's limit: a search on the notes screen looks at the 200 best notes. */
const MOST = 200

export interface NotesFilterState {
  readonly text: string
  readonly setText: (text: string) => void
  /** Null when nothing filters (every note shows). */
  readonly match: ((note: Note) => boolean) | undefined
  readonly busy: boolean
}

const sameTag = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase()

/**
 * Search within notes with the one search (kind note: ranked, accents optional, Chinese inside
 * sentences, tags and link labels included), and the `tag` of the address.
 */
export function useNotesFilter(tag: string | null): NotesFilterState {
  const [text, setText] = useState('')
  const q = useDebounced(text.trim(), 150)
  const search = useSearch({ q, kinds: ['note'], limit: MOST })
  const ids = q !== '' && search.shown ? new Set(search.shown.hits.map((h) => h.id)) : null
  const match =
    ids || tag
      ? (note: Note) =>
          (!ids || ids.has(note.id)) && (!tag || note.tags.some((t) => sameTag(t, tag)))
      : undefined
  return { text, setText, match, busy: search.busy }
}

/** The notes screen's search field, its tags, and how many notes match. */
export function NotesFilter({
  filter,
  tag,
  notes,
  allTags,
  show
}: {
  filter: NotesFilterState
  tag: string | null
  /** The notes of the chosen kind (All, Stand-alone…), before the search and tag. */
  notes: readonly Note[]
  allTags: readonly string[]
  /** The kind filter of the address, kept when a tag is chosen. */
  show: string | undefined
}) {
  const fieldId = useId()
  const tags = uniqueTags(allTags)
  const shown = filter.match ? notes.filter(filter.match).length : notes.length
  return (
    <div className="notes-filter">
      <div className="field notes-filter__search">
        <label htmlFor={fieldId}>Search your notes</label>
        <input
          id={fieldId}
          type="search"
          value={filter.text}
          maxLength={200}
          placeholder="Words, #tags or linked items"
          onChange={(event) => filter.setText(event.target.value)}
          aria-busy={filter.busy}
        />
      </div>
      {tags.length > 0 && (
        <ul className="notes-filter__tags" aria-label="Tags">
          {tags.map((t) => {
            const current = tag !== null && sameTag(t, tag)
            return (
              <li key={t}>
                <Link
                  to={hrefWith('/notes', { show, tag: current ? undefined : t })}
                  className={current ? 'chip chip--tag chip--active' : 'chip chip--tag'}
                  aria-current={current ? 'page' : undefined}
                >
                  #{t}
                  {current && (
                    <span className="visually-hidden"> (chosen; choose again to show all)</span>
                  )}
                </Link>
              </li>
            )
          })}
        </ul>
      )}
      <p className="notes-filter__count" role="status">
        {filter.match
          ? `${shown} of ${notes.length} ${notes.length === 1 ? 'note' : 'notes'} match.`
          : ''}
      </p>
    </div>
  )
}

/** Each tag once (its first spelling), in alphabetical order. */
function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Map<string, string>()
  for (const t of tags) if (!seen.has(t.toLocaleLowerCase())) seen.set(t.toLocaleLowerCase(), t)
  return [...seen.values()].sort((a, b) => (a.toLocaleLowerCase() < b.toLocaleLowerCase() ? -1 : 1))
}
