import type { Note } from '../../../../shared/api/notes'
import { formatExact, formatRelative } from '../../lib/format'
import { Link } from '../../lib/link'
import { MarkdownView } from '../rendering/markdown-view'
import { targetHref, targetKindLabel } from './note-targets'

interface NoteCardProps {
  readonly note: Note
  /** Show what the note belongs to (lists of every note). */
  readonly showTarget?: boolean
  readonly readOnly?: boolean
  readonly onEdit?: () => void
  readonly onTogglePin?: () => void
  readonly onDelete?: () => void
}

/** A note as read: its text rendered (sanitized), when it was written and changed, and actions. */
export function NoteCard({
  note,
  showTarget = false,
  readOnly = false,
  onEdit,
  onTogglePin,
  onDelete
}: NoteCardProps) {
  const href = note.target ? targetHref(note.target) : null
  return (
    <article
      className={note.pinned ? 'note-card note-card--pinned' : 'note-card'}
      aria-label={note.title}
    >
      <header className="note-card__meta">
        {note.pinned && <span className="badge badge--current">Pinned</span>}
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
              <Link to={`/notes/${encodeURIComponent(note.id)}`}>{note.revision} revisions</Link>
            </>
          )}
        </span>
      </header>
      <MarkdownView
        markdown={note.body}
        label={`Note: ${note.title}`}
        className="note-card__body"
      />
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
