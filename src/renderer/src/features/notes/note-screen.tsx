import { useState } from 'react'
import type { Note, NoteRevision } from '../../../../shared/api/notes'
import { useAppInfo } from '../../app/app-info'
import { Loading, OpenErrorScreen } from '../../components/states'
import { useToast } from '../../components/toast'
import { api } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { formatExact } from '../../lib/format'
import { Link } from '../../lib/link'
import { useAsync } from '../../lib/use-async'
import { useDocumentTitle } from '../../lib/use-document-title'
import { atlasPaths } from '../atlas/paths'
import { MarkdownView } from '../rendering/markdown-view'
import { noteMarkdown } from './note-markdown'
import { NotesList } from './notes-panel'
import './notes.css'

/** One note, where it belongs, and every revision of it (each can be restored). */
export function NoteScreen({ id }: { id: string }) {
  const { state, reload, setData } = useAsync(async () => {
    const [note, revisions, drafts] = await Promise.all([
      api.notes.get({ id }),
      api.notes.revisions({ id }),
      api.notes.drafts({})
    ])
    return { note, revisions, drafts }
  }, `note:${id}`)
  useDocumentTitle(state.status === 'ready' ? state.data.note.title : 'Note')
  if (state.status === 'loading') return <Loading label="Opening the note" />
  if (state.status === 'error') {
    return (
      <OpenErrorScreen
        missingTitle="This note does not exist."
        failedTitle="The note could not be opened."
        error={state.error}
        onRetry={reload}
      >
        <p>
          <Link to={atlasPaths.notes()}>All notes</Link>
        </p>
      </OpenErrorScreen>
    )
  }
  const { note, revisions, drafts } = state.data
  return (
    <section className="screen note-screen" aria-labelledby="note-title">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={atlasPaths.notes()}>Notes</Link>
      </nav>
      <h1 id="note-title">{note.title}</h1>
      <NotesList
        key={`${note.id}:${note.revision}`}
        initialNotes={[note]}
        drafts={drafts}
        targets={[]}
        newNoteTarget={null}
        showTarget
      />
      <History
        note={note}
        revisions={revisions}
        onRestored={(restored, list) => setData({ note: restored, revisions: list, drafts })}
      />
    </section>
  )
}

function History({
  note,
  revisions,
  onRestored
}: {
  note: Note
  revisions: readonly NoteRevision[]
  onRestored: (note: Note, revisions: NoteRevision[]) => void
}) {
  const { readOnly } = useAppInfo()
  const toast = useToast()
  const [open, setOpen] = useState<number | null>(null)
  const restore = async (revision: number) => {
    try {
      const restored = await api.notes.restoreRevision({ id: note.id, revision })
      onRestored(restored, await api.notes.revisions({ id: note.id }))
      toast({ message: `Restored version ${revision} as a new version.` })
    } catch (error) {
      toast({ message: errorMessage(error), tone: 'error' })
    }
  }
  return (
    <section className="note-history" aria-labelledby="note-history-title">
      <h2 id="note-history-title">History</h2>
      <ol className="note-history__list">
        {revisions.map((r) => (
          <li key={r.revision} className="note-history__item">
            <div className="note-history__row">
              <span>
                <strong>Version {r.revision}</strong>
                {r.revision === note.revision && (
                  <span className="badge badge--current">Current</span>
                )}
                {r.source === 'restore' && <span className="badge">Restored</span>}
              </span>
              <time dateTime={r.savedAt}>{formatExact(r.savedAt)}</time>
              <button
                type="button"
                className="button button--small button--quiet"
                aria-expanded={open === r.revision}
                onClick={() => setOpen((o) => (o === r.revision ? null : r.revision))}
              >
                {open === r.revision ? 'Hide' : 'Show'}
                <span className="visually-hidden"> revision {r.revision}</span>
              </button>
              {!readOnly && r.revision !== note.revision && (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => void restore(r.revision)}
                >
                  Restore<span className="visually-hidden"> revision {r.revision}</span>
                </button>
              )}
            </div>
            {open === r.revision && (
              <MarkdownView
                markdown={noteMarkdown(r.body, note.links)}
                label={`Version ${r.revision}`}
                className="note-history__body"
              />
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}
