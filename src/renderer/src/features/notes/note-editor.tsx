import { useEffect, useId, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import type { Note, NoteTarget } from '../../../../shared/api/notes'
import { useConfirm } from '../../components/confirm'
import { api } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { formatExact } from '../../lib/format'
import { isModKey, MOD_LABEL } from '../../lib/keys'
import { useAppInfo } from '../../app/app-info'
import { atlasPaths } from '../atlas/paths'
import { MarkdownView } from '../rendering/markdown-view'
import { ConflictNotice } from '../sync/conflict-notice'
import { ItemListbox, optionId } from './item-chooser'
import { noteMarkdown } from './note-markdown'
import { useDraftAutosave } from './use-draft-autosave'
import { useLinkAutocomplete } from './use-link-autocomplete'

export interface TargetOption {
  readonly kind: NoteTarget['kind']
  readonly id: string
  readonly label: string
}

type EditorMode =
  | { readonly kind: 'new'; readonly target: NoteTarget | null }
  | { readonly kind: 'edit'; readonly note: Note }

interface NoteEditorProps {
  readonly mode: EditorMode
  /** The text to start from (a restored draft, or the note's text). */
  readonly initialBody: string
  /** When the text is a draft restored from an earlier session. */
  readonly restoredAt?: string | null
  /** The restored draft started from an older revision of the note. */
  readonly staleDraft?: boolean
  /** What a new note can be attached to (a muscle and its trigger points). */
  readonly targetOptions?: readonly TargetOption[]
  readonly onSaved: (note: Note) => void
  readonly onClose: () => void
}

/**
 * Writes or edits a note. Markdown with a preview (rendered sanitized, nothing in it runs); the
 * text is kept as a draft while typing, so nothing is lost if the app closes before Save.
 */
export function NoteEditor({
  mode,
  initialBody,
  restoredAt = null,
  staleDraft = false,
  targetOptions = [],
  onSaved,
  onClose
}: NoteEditorProps) {
  const textId = useId()
  const statusId = useId()
  const hintId = useId()
  const linksId = useId()
  const confirm = useConfirm()
  const { readOnly } = useAppInfo()
  const [body, setBody] = useState(initialBody)
  const [tab, setTab] = useState<'write' | 'preview'>('write')
  const [target, setTarget] = useState<NoteTarget | null>(
    mode.kind === 'new' ? mode.target : (mode.note.target ?? null)
  )
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const textRef = useRef<HTMLTextAreaElement>(null)
  const draft = useDraftAutosave(true)
  const ref = mode.kind === 'edit' ? { noteId: mode.note.id } : { target }
  const baseRevision = mode.kind === 'edit' ? mode.note.revision : null

  useEffect(() => {
    textRef.current?.focus()
  }, [])

  const changed = body !== (mode.kind === 'edit' ? mode.note.body : '')

  const onChange = (value: string) => {
    setBody(value)
    setError(null)
    draft.schedule(ref, value, baseRevision)
  }
  const link = useLinkAutocomplete(textRef, body, onChange)

  const changeTarget = (next: NoteTarget | null) => {
    // The draft follows the note to its new place.
    draft.cancel()
    void api.notes.discardDraft({ target }).catch(() => undefined)
    setTarget(next)
    if (body.trim() !== '') draft.schedule({ target: next }, body, null)
  }

  const save = async () => {
    if (body.trim() === '') {
      setError('The note is empty.')
      return
    }
    setSaving(true)
    setError(null)
    try {
      await draft.flush()
      const note =
        mode.kind === 'edit'
          ? await api.notes.update({ id: mode.note.id, body, baseRevision: mode.note.revision })
          : await api.notes.create({ target, body })
      draft.cancel()
      onSaved(note)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  const cancel = async () => {
    if (changed && body.trim() !== '') {
      const ok = await confirm({
        title: 'Discard this text?',
        message: 'What you typed since the last save will be lost.',
        confirmLabel: 'Discard',
        danger: true
      })
      if (!ok) return
    }
    draft.cancel()
    try {
      await api.notes.discardDraft(ref)
    } catch {
      // Nothing to discard (or read-only): closing is still right.
    }
    onClose()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (isModKey(event) && (event.key === 's' || event.key === 'Enter')) {
      event.preventDefault()
      void save()
    }
  }

  return (
    <div className="note-editor" onKeyDown={onKeyDown}>
      {mode.kind === 'edit' && (
        <ConflictNotice
          kind="note"
          itemId={mode.note.id}
          shownVersion={mode.note.revision}
          historyTo={(revision) => atlasPaths.noteRevision(mode.note.id, revision)}
          historyLabel="See both versions"
          readOnly={readOnly}
        />
      )}
      {restoredAt && (
        <p className="notice notice--info note-editor__restored" role="status">
          Restored the unsaved draft from {formatExact(restoredAt)}.
          {staleDraft &&
            ' The note was saved again after this draft was started: compare before saving.'}
        </p>
      )}
      {mode.kind === 'new' && targetOptions.length > 1 && (
        <label className="field field--inline">
          <span>About</span>
          <select
            value={target ? `${target.kind}:${target.id}` : ''}
            onChange={(event) => {
              const option = targetOptions.find((o) => `${o.kind}:${o.id}` === event.target.value)
              changeTarget(option ? { kind: option.kind, id: option.id } : null)
            }}
          >
            {targetOptions.map((o) => (
              <option key={`${o.kind}:${o.id}`} value={`${o.kind}:${o.id}`}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="note-editor__tabs" role="tablist" aria-label="Note editor">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'write'}
          className={tab === 'write' ? 'tab tab--active' : 'tab'}
          onClick={() => setTab('write')}
        >
          Write
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'preview'}
          className={tab === 'preview' ? 'tab tab--active' : 'tab'}
          onClick={() => setTab('preview')}
        >
          Preview
        </button>
      </div>
      {tab === 'write' ? (
        <div className="field">
          <label htmlFor={textId}>Note (Markdown)</label>
          <p id={hintId} className="field__hint">
            Type <kbd>[[</kbd> and a name to link to any item; write <kbd>#word</kbd> to tag.
          </p>
          <textarea
            id={textId}
            ref={textRef}
            className="note-editor__text"
            value={body}
            rows={7}
            onChange={(event) => {
              onChange(event.target.value)
              link.update()
            }}
            onSelect={link.update}
            onKeyDown={(event) => link.chooser.onKeyDown(event)}
            onBlur={link.close}
            aria-describedby={`${hintId} ${statusId}`}
            aria-invalid={error !== null}
            aria-autocomplete="list"
            aria-controls={link.open && link.chooser.hits.length > 0 ? linksId : undefined}
            aria-activedescendant={
              link.open && link.chooser.hits.length > 0
                ? optionId(linksId, link.chooser.active)
                : undefined
            }
          />
          {link.open && (
            <div className="note-editor__links">
              <ItemListbox
                id={linksId}
                label="Items to link"
                chooser={link.chooser}
                onChoose={link.choose}
                emptyText="Type a name: a muscle, a point, an article, a handout or another note."
              />
            </div>
          )}
        </div>
      ) : (
        <MarkdownView
          markdown={
            noteMarkdown(body, mode.kind === 'edit' ? mode.note.links : []) ||
            '*Nothing written yet.*'
          }
          label="Preview of the note"
        />
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="note-editor__footer">
        <span id={statusId} className="note-editor__status" aria-live="polite">
          {draft.status.kind === 'saving' && 'Keeping the draft…'}
          {draft.status.kind === 'saved' && 'Draft kept. It will be here if the app closes.'}
          {draft.status.kind === 'error' && 'The draft could not be kept. Save soon.'}
        </span>
        <button type="button" className="button" onClick={() => void cancel()}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void save()}
          disabled={saving}
          aria-keyshortcuts="Control+S Meta+S"
          title={`${MOD_LABEL}+S`}
        >
          {saving ? 'Saving…' : 'Save note'}
        </button>
      </div>
    </div>
  )
}
