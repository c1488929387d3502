import { useId, useState } from 'react'
import { useToast } from '../../components/toast'
import { api } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { PinDialog } from '../role/pin-dialog'
import { PinInput } from '../role/pin-input'
import { useRole } from '../role/role-context'
import '../role/role.css'

const PIN_RULE = /^\d{4,12}$/

/**
 * Settings → Front-desk mode: the practitioner PIN, and switching this computer to front-desk
 * mode (printing and reading only) or back (with the PIN).
 */
export function RoleSection() {
  const { status, frontDesk } = useRole()
  const [asking, setAsking] = useState(false)
  if (status === null) return null
  return (
    <section className="settings__role" aria-labelledby="role-title">
      <h2 id="role-title">Front-desk mode</h2>
      {frontDesk ? (
        <>
          <p>
            <strong>This computer is in front-desk mode.</strong> Handouts, the front desk, the
            print log and the whole library can be used; nothing can be edited. The clinic profile
            below can be changed in practitioner mode.
          </p>
          {status.lockedUntil && (
            <p className="notice notice--warning" role="status">
              Too many wrong PINs: switching back is locked until{' '}
              {new Date(status.lockedUntil).toLocaleTimeString()}.
            </p>
          )}
          <div className="role-section__status">
            <button
              type="button"
              className="button button--primary"
              onClick={() => setAsking(true)}
            >
              Switch to practitioner mode…
            </button>
          </div>
          {asking && <PinDialog onClose={() => setAsking(false)} />}
        </>
      ) : (
        <PractitionerControls pinSet={status.pinSet} />
      )}
    </section>
  )
}

function PractitionerControls({ pinSet }: { pinSet: boolean }) {
  const { update } = useRole()
  const toast = useToast()
  const [pin, setPin] = useState('')
  const [again, setAgain] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const id = useId()

  const savePin = async () => {
    if (!PIN_RULE.test(pin)) return setError('The PIN is 4 to 12 digits (numbers only).')
    if (pin !== again) return setError('The two PINs are not the same.')
    setBusy(true)
    setError(null)
    try {
      update(await api.role.setPin({ pin }))
      setPin('')
      setAgain('')
      toast({ message: pinSet ? 'PIN changed.' : 'PIN set. Keep it somewhere safe.' })
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const enter = async () => {
    try {
      update(await api.role.enterFrontDesk({}))
      toast({ message: 'This computer is now in front-desk mode.' })
    } catch (e) {
      toast({ message: errorMessage(e), tone: 'error' })
    }
  }

  return (
    <>
      <p>
        In front-desk mode this computer prints handouts, saves PDFs and shows the whole library,
        but nothing can be edited, here or by any other way into the app. Switching back needs the
        practitioner PIN.
      </p>
      <form
        className="role-section__pin"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void savePin()
        }}
      >
        <PinInput
          id={`${id}-pin`}
          label={pinSet ? 'New PIN' : 'Practitioner PIN'}
          autoComplete="new-password"
          value={pin}
          onChange={setPin}
          invalid={error !== null}
          describedBy={`${id}-hint${error ? ` ${id}-error` : ''}`}
        />
        <PinInput
          id={`${id}-again`}
          label="Repeat the PIN"
          autoComplete="new-password"
          value={again}
          onChange={setAgain}
        />
        <button type="submit" className="button" disabled={busy}>
          {pinSet ? 'Change PIN' : 'Set PIN'}
        </button>
      </form>
      <p className="field__hint" id={`${id}-hint`}>
        4 to 12 digits. {pinSet ? 'A PIN is set.' : 'No PIN is set yet.'}
      </p>
      {error && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
      <div className="role-section__status">
        <button
          type="button"
          className="button button--primary"
          disabled={!pinSet}
          aria-describedby={pinSet ? undefined : `${id}-needs-pin`}
          onClick={() => void enter()}
        >
          Switch this computer to front-desk mode
        </button>
        {!pinSet && (
          <span className="muted" id={`${id}-needs-pin`}>
            Set a PIN first: it is the only way back.
          </span>
        )}
      </div>
    </>
  )
}
