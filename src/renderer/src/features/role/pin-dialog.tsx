import { useId, useRef, useState } from 'react'
import { Modal } from '../../components/modal'
import { api } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { PinInput } from './pin-input'
import { useRole } from './role-context'

/**
 * "Switch to practitioner mode": asks for the practitioner PIN. The core checks it, counts wrong
 * ones and locks for a minute after five; its messages say how many tries are left or how long
 * to wait, and are shown as they are.
 */
export function PinDialog({ onClose }: { onClose: () => void }) {
  const { update } = useRole()
  const [pin, setPin] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const titleId = useId()
  const hintId = useId()
  const errorId = useId()

  const submit = async () => {
    if (busy) return
    if (pin === '') {
      setError('Enter the PIN.')
      inputRef.current?.focus()
      return
    }
    setBusy(true)
    setError(null)
    try {
      update(await api.role.leaveFrontDesk({ pin }))
      onClose()
    } catch (e) {
      setError(errorMessage(e))
      setPin('')
      // Wrong PIN or a lock: the count changed. Read before the next try is possible, so this
      // answer can never arrive after (and undo) a later right PIN.
      await api.role.status({}).then(update, () => undefined)
      inputRef.current?.focus()
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal labelledBy={titleId} describedBy={hintId} onClose={onClose} initialFocus={inputRef}>
      <h2 id={titleId} className="modal__title">
        Switch to practitioner mode
      </h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <p id={hintId} className="modal__body">
          Editing comes back on this computer. Enter the practitioner PIN set in Settings.
        </p>
        <PinInput
          id={`${titleId}-pin`}
          label="Practitioner PIN"
          autoComplete="off"
          value={pin}
          onChange={setPin}
          invalid={error !== null}
          describedBy={error ? errorId : undefined}
          ref={inputRef}
        />
        {error && (
          <p className="field__error" id={errorId} role="alert">
            {error}
          </p>
        )}
        <div className="modal__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            Switch
          </button>
        </div>
      </form>
    </Modal>
  )
}
