import { useId, useState } from 'react'
import type { Note, NoteTarget } from '../../../../shared/api/notes'
import type { SearchHit } from '../../../../shared/api/search'
import { api } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { ItemListbox, optionId, useItemChooser } from './item-chooser'

/** What a note can belong to, as kinds of the one search. */
const TARGET_KINDS = ['muscle', 'trigger-point', 'acupoint', 'article'] as const

const isTargetKind = (kind: string): kind is NoteTarget['kind'] =>
  (TARGET_KINDS as readonly string[]).includes(kind)

/**
 * "Attach to…": finds a muscle, trigger point, point or article with the one search and attaches
 * a stand-alone note to it (notes:setTarget). Escape or Cancel closes it with nothing changed.
 */
export function AttachPicker({
  note,
  onAttached,
  onClose
}: {
  note: Note
  onAttached: (note: Note) => void
  onClose: () => void
}) {
  const inputId = useId()
  const listId = useId()
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)

  const attach = async (hit: SearchHit) => {
    if (!isTargetKind(hit.kind)) return
    try {
      onAttached(await api.notes.setTarget({ id: note.id, target: { kind: hit.kind, id: hit.id } }))
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  const chooser = useItemChooser(text, (hit) => void attach(hit), onClose, TARGET_KINDS)

  return (
    <div className="attach-picker">
      <label htmlFor={inputId}>Attach “{note.title}” to</label>
      <div className="attach-picker__row">
        <input
          id={inputId}
          type="search"
          role="combobox"
          value={text}
          placeholder="A muscle, trigger point, acupoint or article"
          maxLength={200}
          autoComplete="off"
          // The picker opens on request: its field takes the focus at once.
          autoFocus
          aria-expanded={chooser.hits.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={
            chooser.hits.length > 0 ? optionId(listId, chooser.active) : undefined
          }
          onChange={(event) => {
            setText(event.target.value)
            setError(null)
          }}
          onKeyDown={(event) => void chooser.onKeyDown(event)}
        />
        <button type="button" className="button button--small" onClick={onClose}>
          Cancel
        </button>
      </div>
      <ItemListbox
        id={listId}
        label="Items to attach the note to"
        chooser={chooser}
        onChoose={(hit) => void attach(hit)}
        emptyText={text.trim() === '' ? 'Type a name to find the item.' : 'No item matches.'}
      />
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
