import type { NoteDraft, NoteTarget } from '../../../../shared/api/notes'
import { ErrorState, SkeletonList } from '../../components/states'
import { api } from '../../lib/api'
import { Link } from '../../lib/link'
import { useAsync } from '../../lib/use-async'
import { useDocumentTitle } from '../../lib/use-document-title'
import { atlasPaths } from '../atlas/paths'
import { NotesList } from './notes-panel'
import { NotesFilter, useNotesFilter } from './notes-filter'
import './notes.css'

const FILTERS: readonly {
  id: string
  label: string
  kinds: readonly (NoteTarget['kind'] | null)[]
}[] = [
  { id: 'all', label: 'All', kinds: [] },
  { id: 'standalone', label: 'Stand-alone', kinds: [null] },
  { id: 'muscles', label: 'Muscles', kinds: ['muscle', 'trigger-point'] },
  { id: 'acupoints', label: 'Acupoints', kinds: ['acupoint'] },
  { id: 'articles', label: 'Articles', kinds: ['article'] }
]

/** Every practitioner note, pinned first; new stand-alone notes are written here. */
export function NotesScreen({ query }: { query: URLSearchParams }) {
  useDocumentTitle('Notes')
  const filter =
    FILTERS.find((f) => f.id === query.get('show')) ?? (FILTERS[0] as (typeof FILTERS)[number])
  const { state, reload } = useAsync(async () => {
    const [notes, drafts] = await Promise.all([api.notes.list({}), api.notes.drafts({})])
    return { notes, drafts }
  }, 'notes-screen')
  const visible =
    state.status === 'ready'
      ? state.data.notes.filter(
          (n) => filter.kinds.length === 0 || filter.kinds.includes(n.target?.kind ?? null)
        )
      : []
  const tag = query.get('tag')
  const search = useNotesFilter(tag)
  return (
    <section className="screen notes-screen" aria-labelledby="notes-title">
      <div className="screen__header">
        <div>
          <h1 id="notes-title">Notes</h1>
          <p className="screen__subtitle">
            Your own notes on muscles, trigger points, acupoints and articles, and notes that stand
            alone. Every save is kept; pinned notes come first.
          </p>
        </div>
      </div>
      <div className="filters__row" role="group" aria-label="Show notes">
        {FILTERS.map((f) => (
          <Link
            key={f.id}
            to={f.id === 'all' ? atlasPaths.notes() : atlasPaths.notes(f.id)}
            className={f.id === filter.id ? 'chip chip--active' : 'chip'}
            aria-current={f.id === filter.id ? 'page' : undefined}
          >
            {f.label}
          </Link>
        ))}
      </div>
      {state.status === 'ready' && (
        <NotesFilter
          filter={search}
          tag={tag}
          notes={visible}
          allTags={state.data.notes.flatMap((n) => n.tags)}
          show={filter.id === 'all' ? undefined : filter.id}
        />
      )}
      {state.status === 'loading' && <SkeletonList label="Loading your notes" />}
      {state.status === 'error' && (
        <ErrorState title="Your notes could not be loaded." error={state.error} onRetry={reload} />
      )}
      {state.status === 'ready' && (
        <>
          <OtherDrafts drafts={state.data.drafts} />
          <NotesList
            key={filter.id}
            initialNotes={visible}
            drafts={state.data.drafts}
            targets={[]}
            newNoteTarget={null}
            showTarget
            standalone
            match={search.match}
          />
        </>
      )}
    </section>
  )
}

/** Drafts left on other pages (a note being written for a muscle when the app closed). */
function OtherDrafts({ drafts }: { drafts: readonly NoteDraft[] }) {
  const elsewhere = drafts.filter((d) => d.target !== null || d.noteId !== null)
  if (elsewhere.length === 0) return null
  return (
    <aside className="notice notice--info notes-screen__drafts" aria-label="Unsaved drafts">
      <p>
        <strong>Unsaved drafts.</strong> These notes were being written when Pointbook last closed;
        open them to finish or discard them.
      </p>
      <ul>
        {elsewhere.map((d) => {
          const href =
            d.noteId !== null
              ? atlasPaths.note(d.noteId)
              : d.target?.kind === 'muscle'
                ? atlasPaths.muscle(d.target.id)
                : d.target?.kind === 'acupoint'
                  ? atlasPaths.acupoint(d.target.id)
                  : d.target?.kind === 'article'
                    ? atlasPaths.article(d.target.id)
                    : null
          const text = d.body.trim().split('\n')[0]?.slice(0, 60) || '(empty)'
          return (
            <li key={`${d.noteId ?? ''}:${d.target?.kind ?? ''}:${d.target?.id ?? ''}`}>
              {href ? <Link to={href}>{text}</Link> : text}
            </li>
          )
        })}
      </ul>
    </aside>
  )
}
