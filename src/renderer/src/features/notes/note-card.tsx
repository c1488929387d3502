import { useState } from 'react'
import type { Note } from '../../../../shared/api/notes'
import { formatExact, formatRelative } from '../../lib/format'
import { Link } from '../../lib/link'
import { hrefWith } from '../../lib/router'
import { atlasPaths } from '../atlas/paths'
import { MarkdownView } from '../rendering/markdown-view'
import { ConflictMark } from '../sync/conflict-notice'
import { AttachPicker } from './attach-picker'
import { noteMarkdown } from './note-markdown'
import { targetHref, targetKindLabel } from './note-targets'

interface NoteCardProps {
  readonly note: Note
  /** Show what the note belongs to (lists of every note). */
  readonly showTarget?: boolean
  readonly readOnly?: boolean
  readonly onEdit?: () => void
  readonly onTogglePin?: () => void
  readonly onDelete?: () => void
  /** A stand-alone note was attached to an item ("Attach to…", lists of every note). */
  readonly onAttached?: (note: Note) => void
  /** Detach the note from its item (lists of every note). */
  readonly onDetach?: () => void
}

/** A note as read: its text rendered (sanitized), when it was written and changed, and actions. */
export function NoteCard({
  note,
  showTarget = false,
  readOnly = false,
  onEdit,
  onTogglePin,
  onDelete,
  onAttached,
  onDetach
}: NoteCardProps) {
  const href = note.target ? targetHref(note.target) : null
  const [attaching, setAttaching] = useState(false)
  return (
    <article
      className={note.pinned ? 'note-card note-card--pinned' : 'note-card'}
      aria-label={note.title}
    >
      <header className="note-card__meta">
        {note.pinned && <span className="badge badge--current">Pinned</span>}
        <ConflictMark kind="note" itemId={note.id} to={atlasPaths.note(note.id)} />
        {showTarget && (
          <span className="note-card__target">
            {note.target ? (
              <>
                {targetKindLabel(note.target.kind)}{' '}
                {href && note.target.exists ? (
                  <Link to={href}>{note.target.title}</Link>
                ) : (
                  note.target.title
                )}
              </>
            ) : (
              'Stand-alone note'
            )}
          </span>
        )}
        {!showTarget && note.target?.kind === 'trigger-point' && (
          <span className="note-card__target">On {note.target.title}</span>
        )}
        <span className="note-card__time">
          Written{' '}
          <time dateTime={note.createdAt} title={formatExact(note.createdAt)}>
            {formatRelative(note.createdAt)}
          </time>
          {note.updatedAt !== note.createdAt && (
            <>
              {' · '}edited{' '}
              <time dateTime={note.updatedAt} title={formatExact(note.updatedAt)}>
                {formatRelative(note.updatedAt)}
              </time>
            </>
          )}
          {note.revision > 1 && (
            <>
              {' · '}
              <Link to={`/notes/${encodeURIComponent(note.id)}`}>Version {note.revision}</Link>
            </>
          )}
        </span>
      </header>
      <MarkdownView
        markdown={noteMarkdown(note.body, note.links)}
        label={`Note: ${note.title}`}
        className="note-card__body"
      />
      {note.tags.length > 0 && (
        <ul className="note-card__tags" aria-label="Tags">
          {note.tags.map((tag) => (
            <li key={tag}>
              <Link to={hrefWith('/notes', { tag })} className="chip chip--tag">
                #{tag}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {attaching && onAttached && (
        <AttachPicker
          note={note}
          onAttached={(attached) => {
            setAttaching(false)
            onAttached(attached)
          }}
          onClose={() => setAttaching(false)}
        />
      )}
      {!readOnly && (onEdit || onTogglePin || onDelete) && (
        <div className="note-card__actions">
          {onEdit && (
            <button type="button" className="button button--small" onClick={onEdit}>
              Edit<span className="visually-hidden"> note “{note.title}”</span>
            </button>
          )}
          {onTogglePin && (
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={onTogglePin}
              aria-pressed={note.pinned}
            >
              {note.pinned ? 'Unpin' : 'Pin'}
            </button>
          )}
          {onAttached && note.target === null && !attaching && (
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => setAttaching(true)}
            >
              Attach to…<span className="visually-hidden"> (note “{note.title}”)</span>
            </button>
          )}
          {onDetach && note.target !== null && (
            <button type="button" className="button button--small button--quiet" onClick={onDetach}>
              Detach
              <span className="visually-hidden">
                {' '}
                note “{note.title}” from {note.target.title}
              </span>
            </button>
          )}
          {onDelete && (
            <button
              type="button"
              className="button button--small button--quiet button--danger-text"
              onClick={onDelete}
            >
              Delete<span className="visually-hidden"> note “{note.title}”</span>
            </button>
          )}
        </div>
      )}
    </article>
  )
}
