import { useState } from 'react'
import { LockIcon } from '../../components/icons'
import { PinDialog } from './pin-dialog'
import { useRole } from './role-context'
import './role.css'

/**
 * Shown in the top bar while this computer is in front-desk mode; it opens the PIN dialog that
 * switches back to practitioner mode.
 */
export function FrontDeskIndicator() {
  const { frontDesk } = useRole()
  const [asking, setAsking] = useState(false)
  if (!frontDesk) return null
  return (
    <>
      <button
        type="button"
        className="front-desk-indicator"
        title="Editing is off on this computer. Click to switch to practitioner mode (PIN needed)."
        onClick={() => setAsking(true)}
      >
        <LockIcon />
        <span className="front-desk-indicator__label">Front-desk mode</span>
        <span className="visually-hidden">: switch to practitioner mode</span>
      </button>
      {asking && <PinDialog onClose={() => setAsking(false)} />}
    </>
  )
}
