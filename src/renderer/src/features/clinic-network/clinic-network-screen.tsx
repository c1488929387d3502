import { useEffect, useState } from 'react'
import type { JoinReport, NetworkStatus } from '../../../../shared/api/network'
import { ErrorState, Loading } from '../../components/states'
import { api } from '../../lib/api'
import { Link } from '../../lib/link'
import { useAsync } from '../../lib/use-async'
import { useDocumentTitle } from '../../lib/use-document-title'
import { handoutPaths } from '../handouts/paths'
import { useRole } from '../role/role-context'
import { HubPanel } from './hub-panel'
import { JoinFlow } from './join-flow'
import { JoinedPanel } from './joined-panel'
import { JoinReportView } from './join-report'
import { ShareForm } from './share-form'
import { announceNetworkChanged } from './status-text'
import './clinic-network.css'

const REFRESH_MS = 5_000

/**
 * Settings → Clinic network: share this library as the clinic's hub, join a clinic library (a
 * hub found on the network, a hub's address, or a CouchDB server), or see how it is going.
 */
export function ClinicNetworkScreen() {
  useDocumentTitle('Clinic network')
  const { state, reload, setData } = useAsync(() => api.network.status({}), 'network-status')
  const ready = state.status === 'ready'
  // What joining did stays on screen until it is read, whatever the status says meanwhile.
  const [report, setReport] = useState<JoinReport | null>(null)
  // The list of computers and the sync status move on their own: ask again every few seconds.
  useEffect(() => {
    if (!ready) return
    const timer = window.setInterval(() => {
      api.network.status({}).then(setData, () => undefined)
    }, REFRESH_MS)
    return () => window.clearInterval(timer)
  }, [ready, setData])
  if (state.status === 'loading') return <Loading label="Opening the clinic network settings" />
  if (state.status === 'error') {
    return (
      <ErrorState
        title="The clinic network settings could not be opened"
        error={state.error}
        onRetry={reload}
      />
    )
  }
  const changed = (next: NetworkStatus) => {
    setData(next)
    announceNetworkChanged()
  }
  return (
    <section className="screen clinic-network" aria-labelledby="network-title">
      <p className="clinic-network__back">
        <Link to={handoutPaths.settings()}>← Settings</Link>
      </p>
      <h1 id="network-title">Clinic network</h1>
      <p className="clinic-network__intro">
        One library on every computer in the clinic. One computer shares its library (the hub); the
        others join it. Each computer keeps a full copy and keeps working when the hub is off.
      </p>
      {report !== null && <JoinReportView report={report} onDone={() => setReport(null)} />}
      <NetworkBody
        status={state.data}
        onChange={changed}
        onJoined={(joined) => {
          setReport(joined)
          api.network.status({}).then(changed, reload)
        }}
      />
    </section>
  )
}

function NetworkBody(props: {
  status: NetworkStatus
  onChange: (status: NetworkStatus) => void
  onJoined: (report: JoinReport) => void
}) {
  const { status, onChange } = props
  const { frontDesk } = useRole()
  const problem = status.problem && (
    <div className="notice notice--warning" role="status">
      <p>{status.problem}</p>
    </div>
  )
  if (status.mode === 'hub') {
    return (
      <>
        {problem}
        <HubPanel status={status} disabled={frontDesk} onChange={onChange} />
      </>
    )
  }
  if (status.mode !== 'off') {
    return (
      <>
        {problem}
        <JoinedPanel status={status} disabled={frontDesk} onChange={onChange} />
      </>
    )
  }
  return (
    <>
      {frontDesk && (
        <p className="notice notice--info">
          This computer is in front-desk mode: switch to practitioner mode to share or join.
        </p>
      )}
      <div className="clinic-network__choices">
        <ShareForm disabled={frontDesk} onChange={onChange} />
        <JoinFlow disabled={frontDesk} onJoined={props.onJoined} />
      </div>
    </>
  )
}
