import { useState } from 'react'
import type { Note, NoteDraft, NoteTarget } from '../../../../shared/api/notes'
import { useAppInfo } from '../../app/app-info'
import { PlusIcon } from '../../components/icons'
import { ErrorState, SkeletonList } from '../../components/states'
import { useToast } from '../../components/toast'
import { api } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { useAsync } from '../../lib/use-async'
import { NoteCard } from './note-card'
import { NoteEditor } from './note-editor'
import type { TargetOption } from './note-editor'
import { sameTarget } from './note-targets'
import { UnseenConflicts } from '../sync/conflict-notice'
import './notes.css'

interface NotesPanelProps {
  /** The items whose notes are shown (a muscle and its trigger points). */
  readonly targets: readonly NoteTarget[]
  /** What a new note is attached to by default. */
  readonly newNoteTarget: NoteTarget | null
  readonly targetOptions?: readonly TargetOption[]
  readonly heading?: string
}

/** The practitioner's notes on an item, on the item's own page. */
export function NotesPanel({
  targets,
  newNoteTarget,
  targetOptions,
  heading = 'Your notes'
}: NotesPanelProps) {
  const key = targets.map((t) => `${t.kind}:${t.id}`).join('|')
  const { state, reload } = useAsync(async () => {
    const [notes, drafts] = await Promise.all([
      api.notes.list({ targets: [...targets] }),
      api.notes.drafts({})
    ])
    return { notes, drafts }
  }, `notes:${key}`)
  return (
    <section className="notes-panel" aria-labelledby="notes-panel-title">
      <h2 id="notes-panel-title">{heading}</h2>
      {state.status === 'loading' && <SkeletonList label="Loading your notes" rows={2} />}
      {state.status === 'error' && (
        <ErrorState title="Your notes could not be loaded." error={state.error} onRetry={reload} />
      )}
      {state.status === 'ready' && (
        <NotesList
          key={key}
          initialNotes={state.data.notes}
          drafts={state.data.drafts}
          targets={targets}
          newNoteTarget={newNoteTarget}
          targetOptions={targetOptions}
        />
      )}
    </section>
  )
}

type Editing =
  | {
      readonly kind: 'new'
      readonly target: NoteTarget | null
      readonly body: string
      readonly restoredAt: string | null
    }
  | {
      readonly kind: 'edit'
      readonly note: Note
      readonly body: string
      readonly restoredAt: string | null
      /** The note was saved again after this draft was started. */
      readonly staleDraft?: boolean
    }

export const sortNotes = (notes: readonly Note[]): Note[] =>
  [...notes].sort(
    (a, b) => Number(b.pinned) - Number(a.pinned) || b.updatedAt.localeCompare(a.updatedAt)
  )

/** The editor to reopen when a draft was left behind (a crash, a closed window). */
function restoredEditing(
  notes: readonly Note[],
  drafts: readonly NoteDraft[],
  targets: readonly NoteTarget[],
  standalone: boolean
): Editing | null {
  for (const d of drafts) {
    if (d.noteId !== null) {
      const note = notes.find((n) => n.id === d.noteId)
      if (note) {
        return {
          kind: 'edit',
          note,
          body: d.body,
          restoredAt: d.savedAt,
          staleDraft: d.baseRevision !== null && d.baseRevision !== note.revision
        }
      }
    } else if (
      (d.target === null && standalone) ||
      (d.target !== null && targets.some((t) => sameTarget(t, d.target)))
    ) {
      return { kind: 'new', target: d.target, body: d.body, restoredAt: d.savedAt }
    }
  }
  return null
}

export function NotesList(props: Parameters<typeof NotesListItems>[0]) {
  // One question for the whole list: which notes carry an unseen conflict (each card's mark).
  return (
    <UnseenConflicts kind="note">
      <NotesListItems {...props} />
    </UnseenConflicts>
  )
}

function NotesListItems({
  initialNotes,
  drafts,
  targets,
  newNoteTarget,
  targetOptions,
  showTarget = false,
  standalone = false,
  match
}: {
  initialNotes: readonly Note[]
  drafts: readonly NoteDraft[]
  targets: readonly NoteTarget[]
  newNoteTarget: NoteTarget | null
  targetOptions?: readonly TargetOption[]
  showTarget?: boolean
  /** Stand-alone drafts belong here (the notes screen). */
  standalone?: boolean
  /** Only the notes this accepts are shown (the notes screen's search and tag filter). */
  match?: (note: Note) => boolean
}) {
  const { readOnly } = useAppInfo()
  const toast = useToast()
  const [notes, setNotes] = useState<Note[]>(() => sortNotes(initialNotes))
  const [editing, setEditing] = useState<Editing | null>(() =>
    readOnly ? null : restoredEditing(initialNotes, drafts, targets, standalone)
  )

  const put = (note: Note) =>
    setNotes((list) => sortNotes([note, ...list.filter((n) => n.id !== note.id)]))

  const remove = async (note: Note) => {
    try {
      await api.notes.delete({ id: note.id })
      setNotes((list) => list.filter((n) => n.id !== note.id))
      toast({
        message: `Deleted the note “${note.title}”.`,
        action: {
          label: 'Undo',
          run: async () => {
            try {
              put(await api.notes.undelete({ id: note.id }))
            } catch (error) {
              toast({ message: errorMessage(error), tone: 'error' })
            }
          }
        }
      })
    } catch (error) {
      toast({ message: errorMessage(error), tone: 'error' })
    }
  }

  const detach = async (note: Note) => {
    try {
      const detached = await api.notes.setTarget({ id: note.id, target: null })
      put(detached)
      toast({ message: `“${note.title}” is now a stand-alone note.` })
    } catch (error) {
      toast({ message: errorMessage(error), tone: 'error' })
    }
  }

  const togglePin = async (note: Note) => {
    try {
      put(await api.notes.setPinned({ id: note.id, pinned: !note.pinned }))
    } catch (error) {
      toast({ message: errorMessage(error), tone: 'error' })
    }
  }

  return (
    <div className="notes-list">
      {editing?.kind === 'new' ? (
        <NoteEditor
          mode={{ kind: 'new', target: editing.target }}
          initialBody={editing.body}
          restoredAt={editing.restoredAt}
          targetOptions={targetOptions}
          onSaved={(note) => {
            put(note)
            setEditing(null)
          }}
          onClose={() => setEditing(null)}
        />
      ) : (
        !readOnly && (
          <button
            type="button"
            className="button notes-list__add"
            onClick={() =>
              setEditing({ kind: 'new', target: newNoteTarget, body: '', restoredAt: null })
            }
          >
            <PlusIcon /> Add a note
          </button>
        )
      )}
      {notes.length === 0 && editing === null && (
        <p className="notes-list__empty">
          No notes yet. Notes are yours: they stay on this computer.
        </p>
      )}
      <ul className="notes-list__items">
        {notes
          .filter(
            (note) =>
              !match || match(note) || (editing?.kind === 'edit' && editing.note.id === note.id)
          )
          .map((note) => (
            <li key={note.id}>
              {editing?.kind === 'edit' && editing.note.id === note.id ? (
                <NoteEditor
                  mode={{ kind: 'edit', note }}
                  initialBody={editing.body}
                  restoredAt={editing.restoredAt}
                  staleDraft={editing.staleDraft ?? false}
                  onSaved={(saved) => {
                    put(saved)
                    setEditing(null)
                  }}
                  onClose={() => setEditing(null)}
                />
              ) : (
                <NoteCard
                  note={note}
                  showTarget={showTarget}
                  readOnly={readOnly}
                  onEdit={() =>
                    setEditing({ kind: 'edit', note, body: note.body, restoredAt: null })
                  }
                  onTogglePin={() => void togglePin(note)}
                  onDelete={() => void remove(note)}
                  {...(showTarget
                    ? {
                        onAttached: (attached: Note) => {
                          put(attached)
                          toast({
                            message: `Attached “${note.title}” to ${attached.target?.title ?? ''}.`
                          })
                        },
                        onDetach: () => void detach(note)
                      }
                    : {})}
                />
              )}
            </li>
          ))}
      </ul>
    </div>
  )
}
