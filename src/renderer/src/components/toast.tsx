import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { useLocation } from '../lib/router'

export interface ToastOptions {
  message: string
  action?: { label: string; run: () => void | Promise<void> }
  tone?: 'info' | 'error'
}

interface Toast extends ToastOptions {
  id: number
  /** Whether the user clicked or typed anything since it appeared. */
  seen: boolean
}

type ShowToast = (options: ToastOptions) => void

const ToastContext = createContext<ShowToast | null>(null)

/** A plain notice goes after 6 s; one with an action (Undo) gets 10 s; an error stays. */
const INFO_MS = 6_000
const ACTION_MS = 10_000

/**
 * One short notice at a time in the bottom-right corner ("Moved to the bin. Undo"), read out
 * politely. A new notice replaces the last; changing screens dismisses it. The screen change an
 * action itself makes (Save → the article, Restore → the article) keeps the notice it just
 * raised: a notice goes with the first screen change after the user has clicked or typed.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null)
  const nextId = useRef(1)
  const { path } = useLocation()
  const [shownPath, setShownPath] = useState(path)

  if (shownPath !== path) {
    setShownPath(path)
    if (toast !== null) setToast(toast.seen ? null : toast)
  }

  const dismiss = useCallback((id: number) => {
    setToast((current) => (current?.id === id ? null : current))
  }, [])

  const show = useCallback<ShowToast>(
    (options) => setToast({ ...options, id: nextId.current++, seen: false }),
    []
  )

  const unseen = toast !== null && !toast.seen
  useEffect(() => {
    if (!unseen) return
    const markSeen = () => setToast((current) => current && { ...current, seen: true })
    window.addEventListener('pointerdown', markSeen, true)
    window.addEventListener('keydown', markSeen, true)
    return () => {
      window.removeEventListener('pointerdown', markSeen, true)
      window.removeEventListener('keydown', markSeen, true)
    }
  }, [unseen])

  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toast && <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />}
      </div>
    </ToastContext.Provider>
  )
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const lasts = toast.tone === 'error' ? null : toast.action ? ACTION_MS : INFO_MS
  useEffect(() => {
    if (lasts === null) return
    const timer = window.setTimeout(() => onDismiss(toast.id), lasts)
    return () => window.clearTimeout(timer)
  }, [toast.id, onDismiss, lasts])
  return (
    <div className={toast.tone === 'error' ? 'toast toast--error' : 'toast'}>
      <span className="toast__message">{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            onDismiss(toast.id)
            void toast.action?.run()
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button
        type="button"
        className="button button--quiet button--small"
        aria-label="Dismiss"
        onClick={() => onDismiss(toast.id)}
      >
        ×
      </button>
    </div>
  )
}

export function useToast(): ShowToast {
  const show = useContext(ToastContext)
  if (!show) throw new Error('useToast needs a ToastProvider')
  return show
}
