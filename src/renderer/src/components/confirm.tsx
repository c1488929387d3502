import { createContext, useCallback, useContext, useId, useMemo, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { Modal } from './modal'

export interface ConfirmOptions {
  title: string
  message: ReactNode
  confirmLabel: string
  cancelLabel?: string
  /** A destructive choice is drawn in red and Cancel gets the initial focus. */
  danger?: boolean
}

type Confirm = (options: ConfirmOptions) => Promise<boolean>

const ConfirmContext = createContext<Confirm | null>(null)

interface Pending {
  options: ConfirmOptions
  resolve: (answer: boolean) => void
}

/** Confirmation dialogs drawn by the app (window.confirm is not styled, not testable). */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null)

  const confirm = useCallback<Confirm>(
    (options) =>
      new Promise<boolean>((resolve) => {
        setPending((previous) => {
          previous?.resolve(false)
          return { options, resolve }
        })
      }),
    []
  )

  const answer = useCallback(
    (value: boolean) => {
      pending?.resolve(value)
      setPending(null)
    },
    [pending]
  )

  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      {pending && <ConfirmDialog options={pending.options} onAnswer={answer} />}
    </ConfirmContext.Provider>
  )
}

function ConfirmDialog({
  options,
  onAnswer
}: {
  options: ConfirmOptions
  onAnswer: (value: boolean) => void
}) {
  const titleId = useId()
  const messageId = useId()
  const cancelRef = useRef<HTMLButtonElement>(null)
  const confirmRef = useRef<HTMLButtonElement>(null)
  const initialFocus = useMemo(() => (options.danger ? cancelRef : confirmRef), [options.danger])
  return (
    <Modal
      role="alertdialog"
      labelledBy={titleId}
      describedBy={messageId}
      onClose={() => onAnswer(false)}
      initialFocus={initialFocus}
      className="modal--confirm"
    >
      <h2 id={titleId} className="modal__title">
        {options.title}
      </h2>
      <div id={messageId} className="modal__body">
        {options.message}
      </div>
      <div className="modal__actions">
        <button ref={cancelRef} type="button" className="button" onClick={() => onAnswer(false)}>
          {options.cancelLabel ?? 'Cancel'}
        </button>
        <button
          ref={confirmRef}
          type="button"
          className={options.danger ? 'button button--danger' : 'button button--primary'}
          onClick={() => onAnswer(true)}
        >
          {options.confirmLabel}
        </button>
      </div>
    </Modal>
  )
}

export function useConfirm(): Confirm {
  const confirm = useContext(ConfirmContext)
  if (!confirm) throw new Error('useConfirm needs a ConfirmProvider')
  return confirm
}
