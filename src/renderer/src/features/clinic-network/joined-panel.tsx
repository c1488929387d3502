import type { NetworkStatus } from '../../../../shared/api/network'
import { api } from '../../lib/api'
import { useBusyAction } from '../../lib/use-busy-action'
import { Fingerprint } from './fingerprint'
import { statusLine } from './status-text'

/** This computer is joined to a hub or a CouchDB server: where, how it is going, Leave. */
export function JoinedPanel(props: {
  status: NetworkStatus
  disabled: boolean
  onChange: (status: NetworkStatus) => void
}) {
  const { status } = props
  const { busy, run } = useBusyAction()
  const client = status.client
  if (client === null) return null
  // The notice has its own box here, so the state line leaves it out.
  const line = statusLine({ ...status, notice: null }, new Date())
  return (
    <div className="clinic-network__card">
      <h2>Joined to {status.libraryName}</h2>
      <p>
        {status.mode === 'couchdb' ? 'CouchDB server' : 'Hub'}: <code>{client.address}</code>
        {client.computerName && <> · this computer is “{client.computerName}”</>}
      </p>
      {line && (
        <p className={`clinic-network__state clinic-network__state--${line.tone}`}>{line.detail}</p>
      )}
      {status.notice && (
        <p className="notice notice--info" role="status">
          {status.notice}
        </p>
      )}
      {client.fingerprint && (
        <Fingerprint value={client.fingerprint} label="The hub’s fingerprint (pinned)" />
      )}
      <p className="muted">
        Leaving stops sharing changes with the clinic. Everything stays on this computer.
      </p>
      <div className="toolbar">
        <button
          type="button"
          className="button"
          disabled={props.disabled || busy}
          onClick={() => void run(async () => props.onChange(await api.network.leave({})))}
        >
          Leave the clinic network
        </button>
      </div>
    </div>
  )
}
