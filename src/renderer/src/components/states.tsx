import type { ReactNode } from 'react'
import { errorCode, errorMessage } from '../lib/errors'

/** A spinner with a visible label; the region is marked busy for assistive technology. */
export function Loading({ label }: { label: string }) {
  return (
    <div className="state state--loading" role="status" aria-live="polite" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      <span>{label}…</span>
    </div>
  )
}

/** Grey placeholder rows in the shape of a list while it loads. */
export function SkeletonList({ label, rows = 5 }: { label: string; rows?: number }) {
  return (
    <div className="skeleton-list" role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">{label}…</span>
      {Array.from({ length: rows }, (_, i) => (
        <div className="skeleton-row" key={i} aria-hidden="true">
          <span className="skeleton-line skeleton-line--title" />
          <span className="skeleton-line" />
        </div>
      ))}
    </div>
  )
}

interface ErrorStateProps {
  title: string
  error: unknown
  onRetry?: () => void
  children?: ReactNode
}

export function ErrorState({ title, error, onRetry, children }: ErrorStateProps) {
  return (
    <div className="state state--error" role="alert">
      <p className="state__title">{title}</p>
      <p className="state__message">{errorMessage(error)}</p>
      {children}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  )
}

interface OpenErrorScreenProps {
  /** The title when the record does not exist (no retry: it would fail the same way). */
  missingTitle: string
  /** The title for any other failure, which can be retried. */
  failedTitle: string
  error: unknown
  onRetry: () => void
  /** A way on, e.g. a link back to the list. */
  children?: ReactNode
}

/** A whole screen for one record that could not be opened: missing, or failed (with a retry). */
export function OpenErrorScreen(props: OpenErrorScreenProps) {
  const missing = errorCode(props.error) === 'not_found'
  return (
    <section className="screen">
      <ErrorState
        title={missing ? props.missingTitle : props.failedTitle}
        error={props.error}
        onRetry={missing ? undefined : props.onRetry}
      >
        {props.children}
      </ErrorState>
    </section>
  )
}

interface EmptyStateProps {
  title: string
  message?: ReactNode
  action?: ReactNode
}

export function EmptyState({ title, message, action }: EmptyStateProps) {
  return (
    <div className="state state--empty">
      <p className="state__title">{title}</p>
      {message && <p className="state__message">{message}</p>}
      {action && <div className="state__action">{action}</div>}
    </div>
  )
}
