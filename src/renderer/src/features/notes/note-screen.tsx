import { useEffect, useRef, useState } from 'react'
import type { Note, NoteRevision } from '../../../../shared/api/notes'
import { useAppInfo } from '../../app/app-info'
import { Loading, OpenErrorScreen } from '../../components/states'
import { useToast } from '../../components/toast'
import { api } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { formatExact } from '../../lib/format'
import { Link } from '../../lib/link'
import { useLocation } from '../../lib/router'
import { useAsync } from '../../lib/use-async'
import { useDocumentTitle } from '../../lib/use-document-title'
import { atlasPaths } from '../atlas/paths'
import { MarkdownView } from '../rendering/markdown-view'
import {
  ConflictNotice,
  ConflictNoticeShownAbove,
  useConflictRevisions
} from '../sync/conflict-notice'
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
  const { readOnly } = useAppInfo()
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
      <ConflictNotice
        kind="note"
        itemId={note.id}
        shownVersion={note.revision}
        historyTo={(revision) => atlasPaths.noteRevision(note.id, revision)}
        historyLabel="See both versions"
        readOnly={readOnly}
      />
      <ConflictNoticeShownAbove kind="note" itemId={note.id}>
        <NotesList
          key={`${note.id}:${note.revision}`}
          initialNotes={[note]}
          drafts={drafts}
          targets={[]}
          newNoteTarget={null}
          showTarget
        />
      </ConflictNoticeShownAbove>
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
  const fromElsewhere = useConflictRevisions('note', note.id)
  // A version asked for in the address (the conflict notice's link) is opened and brought into view.
  const asked = Number(useLocation().query.get('revision'))
  const wanted = Number.isInteger(asked) && asked > 0 ? asked : null
  const [openedFor, setOpenedFor] = useState<number | null>(null)
  if (wanted !== openedFor) {
    setOpenedFor(wanted)
    if (wanted !== null) setOpen(wanted)
  }
  const list = useRef<HTMLOListElement>(null)
  useEffect(() => {
    if (wanted === null) return
    const item = list.current?.querySelector(`[data-revision="${wanted}"]`)
    // jsdom has no scrollIntoView; the focus takes keyboard and screen-reader users there too.
    item?.scrollIntoView?.({ block: 'start' })
    item?.querySelector('button')?.focus()
  }, [wanted])
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
      <ol className="note-history__list" ref={list}>
        {revisions.map((r) => (
          <li key={r.revision} className="note-history__item" data-revision={r.revision}>
            <div className="note-history__row">
              <span>
                <strong>Version {r.revision}</strong>
                {r.revision === note.revision && (
                  <span className="badge badge--current">Current</span>
                )}
                {r.source === 'restore' && <span className="badge">Restored</span>}
                {fromElsewhere.has(r.revision) && (
                  <span className="badge">Saved at the same time</span>
                )}
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
