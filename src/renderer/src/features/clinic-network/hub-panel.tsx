import type { NetworkStatus } from '../../../../shared/api/network'
import { api } from '../../lib/api'
import { useBusyAction } from '../../lib/use-busy-action'
import { Fingerprint } from './fingerprint'
import { HubPortForm } from './hub-port-form'
import { sinceText } from './status-text'

/** This computer is the hub: where others join, the fingerprint to compare, who has joined. */
export function HubPanel(props: {
  status: NetworkStatus
  disabled: boolean
  onChange: (status: NetworkStatus) => void
}) {
  const { status, onChange } = props
  const { busy, run } = useBusyAction()
  const hub = status.hub
  if (hub === null) return null
  const now = new Date()
  const computers = hub.computers.filter((c) => !c.removed)
  const addresses = hub.addresses.length > 0 ? hub.addresses : ['this computer’s address']
  return (
    <div className="clinic-network__card">
      <h2>This computer is the clinic’s hub</h2>
      <p>
        It shares <strong>{status.libraryName}</strong>
        {hub.running ? '.' : ', but the hub is not running now.'} To join, another computer opens
        Settings → Clinic network → Join a clinic library
        {hub.announced ? ' and chooses it from the list, or types' : ' and types'} this address:
      </p>
      <ul className="clinic-network__addresses">
        {addresses.map((address) => (
          <li key={address}>
            <code>
              {address}:{hub.port}
            </code>
          </li>
        ))}
      </ul>
      <HubPortForm port={hub.port} disabled={props.disabled} onChange={onChange} />
      <Fingerprint value={hub.fingerprint} label="This hub’s fingerprint" />
      <p className="muted">
        The joining computer shows a fingerprint too. Join only if every group is the same.
      </p>
      <h3>Computers that joined</h3>
      {computers.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <table className="clinic-network__computers">
          <thead>
            <tr>
              <th scope="col">Computer</th>
              <th scope="col">Joined</th>
              <th scope="col">Last seen</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {computers.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>{new Date(c.joinedAt).toLocaleDateString()}</td>
                <td>{c.lastSeenAt ? sinceText(c.lastSeenAt, now) : 'not yet'}</td>
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={props.disabled || busy}
                    onClick={() =>
                      void run(async () => onChange(await api.network.removeComputer({ id: c.id })))
                    }
                  >
                    Remove<span className="visually-hidden"> {c.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="toolbar">
        <button
          type="button"
          className="button"
          disabled={props.disabled || busy}
          onClick={() => void run(async () => onChange(await api.network.stopSharing({})))}
        >
          Stop sharing
        </button>
      </div>
    </div>
  )
}
