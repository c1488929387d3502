import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react'
import type { ReactNode } from 'react'

export interface ToastOptions {
  message: string
  action?: { label: string; run: () => void | Promise<void> }
  tone?: 'info' | 'error'
}

interface Toast extends ToastOptions {
  id: number
}

type ShowToast = (options: ToastOptions) => void

const ToastContext = createContext<ShowToast | null>(null)

const DISMISS_MS = 10_000

/** Short notices at the bottom of the window ("Moved to the bin. Undo"), read out politely. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([])
  const nextId = useRef(1)

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((t) => t.id !== id))
  }, [])

  const show = useCallback<ShowToast>((options) => {
    const id = nextId.current++
    setToasts((list) => [...list.slice(-2), { ...options, id }])
  }, [])

  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  )
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  useEffect(() => {
    const timer = window.setTimeout(() => onDismiss(toast.id), DISMISS_MS)
    return () => window.clearTimeout(timer)
  }, [toast.id, onDismiss])
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
