interface ConflictNoticeProps {
  message: string
  busy: boolean
  onOverwrite: () => void
  onDiscard: () => void
}

/** The article was saved elsewhere since this editor opened it: the user's text is kept. */
export function ConflictNotice({ message, busy, onOverwrite, onDiscard }: ConflictNoticeProps) {
  return (
    <div className="notice notice--error" role="alert">
      <p>
        <strong>This article was changed somewhere else while you were editing.</strong> {message}
      </p>
      <p>Your text is still here, unsaved. Choose what to keep:</p>
      <div className="notice__actions">
        <button
          type="button"
          className="button button--primary button--small"
          disabled={busy}
          onClick={onOverwrite}
        >
          Save my version over it
        </button>
        <button type="button" className="button button--small" disabled={busy} onClick={onDiscard}>
          Discard mine and load the latest…
        </button>
      </div>
    </div>
  )
}
