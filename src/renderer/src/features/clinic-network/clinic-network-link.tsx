import { Link } from '../../lib/link'
import { CLINIC_NETWORK_PATH } from './status-text'

/** Settings' way to the clinic network screen. */
export function ClinicNetworkLink() {
  return (
    <p>
      <Link to={CLINIC_NETWORK_PATH}>Clinic network</Link>: share this library on the clinic
      network, or join a clinic library from another computer.
    </p>
  )
}
