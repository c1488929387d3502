import { useEffect, useId, useState } from 'react'
import { DEFAULT_HUB_PORT } from '../../../../shared/network/constants'
import type { DiscoveredHub, HubCheck, JoinReport } from '../../../../shared/api/network'
import { api } from '../../lib/api'
import { CouchDbForm } from './couchdb-form'
import { Fingerprint } from './fingerprint'
import { TextField } from '../../components/text-field'
import { FormError, useSubmit } from './form-parts'

const LOOK_MS = 3_000

type Step =
  | { readonly kind: 'choose' }
  | { readonly kind: 'confirm'; readonly hub: HubCheck; readonly announced: string | null }

/**
 * "Join a clinic library": choose a hub found on the network or type its address; compare the
 * fingerprint with the hub's screen; the passphrase and this computer's name; a report of what
 * merged. A CouchDB server is the other way in.
 */
export function JoinFlow(props: { disabled: boolean; onJoined: (report: JoinReport) => void }) {
  const [step, setStep] = useState<Step>({ kind: 'choose' })
  const id = useId()
  return (
    <section className="clinic-network__card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Join a clinic library</h2>
      {step.kind === 'choose' && (
        <>
          <ChooseHub
            disabled={props.disabled}
            onChecked={(hub, announced) => setStep({ kind: 'confirm', hub, announced })}
          />
          <CouchDbForm disabled={props.disabled} onJoined={props.onJoined} />
        </>
      )}
      {step.kind === 'confirm' && (
        <ConfirmJoin
          hub={step.hub}
          announced={step.announced}
          onBack={() => setStep({ kind: 'choose' })}
          onJoined={props.onJoined}
        />
      )}
    </section>
  )
}

function ChooseHub(props: {
  disabled: boolean
  onChecked: (hub: HubCheck, announced: string | null) => void
}) {
  const id = useId()
  const [hubs, setHubs] = useState<DiscoveredHub[]>([])
  const [host, setHost] = useState('')
  const [port, setPort] = useState(String(DEFAULT_HUB_PORT))
  const { busy, error, submit } = useSubmit()
  useEffect(() => {
    let active = true
    const look = () =>
      api.network.discover({}).then(
        (found) => active && setHubs(found.hubs),
        () => undefined
      )
    void look()
    const timer = window.setInterval(() => void look(), LOOK_MS)
    return () => {
      active = false
      window.clearInterval(timer)
    }
  }, [])

  const check = (address: string, portText: string, announced: string | null) =>
    submit(async () => {
      const portNumber = Number(portText)
      if (!address.trim()) return 'Enter the hub’s address, as its screen shows it.'
      if (!Number.isInteger(portNumber) || portNumber < 1 || portNumber > 65535) {
        return 'The port is a number from 1 to 65535 (the hub’s screen shows it).'
      }
      const hub = await api.network.checkHub({ host: address.trim(), port: portNumber })
      if (announced !== null && !hub.fingerprint.startsWith(announced)) {
        return 'That hub’s certificate is not the one it announced. Ask the person who looks after the hub.'
      }
      props.onChecked(hub, announced)
    })

  return (
    <fieldset className="clinic-network__step" disabled={props.disabled || busy}>
      <legend>Which hub?</legend>
      {hubs.length > 0 ? (
        <ul className="clinic-network__found">
          {hubs.map((hub) => (
            <li key={`${hub.host}:${hub.port}`}>
              <span>
                <strong>{hub.libraryName}</strong>{' '}
                <code>
                  {hub.host}:{hub.port}
                </code>
              </span>
              <button
                type="button"
                className="button button--small"
                onClick={() => void check(hub.host, String(hub.port), hub.fingerprintPrefix)}
              >
                Use this hub<span className="visually-hidden"> ({hub.libraryName})</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted" role="status">
          No hub found on this network yet. Type the address the hub’s screen shows instead.
        </p>
      )}
      <form
        className="clinic-network__address"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void check(host, port, null)
        }}
      >
        <TextField
          id={`${id}-host`}
          className="field field--grow"
          label="Hub address"
          value={host}
          placeholder="192.168.1.20"
          inputMode="url"
          onChange={setHost}
        />
        <TextField
          id={`${id}-port`}
          className="field clinic-network__port"
          label="Port"
          value={port}
          inputMode="numeric"
          onChange={setPort}
        />
        <button type="submit" className="button">
          Connect
        </button>
      </form>
      <FormError error={error} />
    </fieldset>
  )
}

function ConfirmJoin(props: {
  hub: HubCheck
  announced: string | null
  onBack: () => void
  onJoined: (report: JoinReport) => void
}) {
  const id = useId()
  const { hub } = props
  const [passphrase, setPassphrase] = useState('')
  const [name, setName] = useState('')
  const { busy, error, submit } = useSubmit()
  const join = () =>
    submit(async () => {
      if (!name.trim()) return 'Enter a name for this computer, like “Room 2” or “Front desk”.'
      if (!passphrase) return 'Enter the clinic passphrase.'
      props.onJoined(
        await api.network.join({
          host: hub.host,
          port: hub.port,
          fingerprint: hub.fingerprint,
          passphrase,
          computerName: name.trim()
        })
      )
    })
  return (
    <form
      className="clinic-network__step"
      noValidate
      aria-busy={busy}
      onSubmit={(event) => {
        event.preventDefault()
        void join()
      }}
    >
      <p>
        The hub at{' '}
        <code>
          {hub.host}:{hub.port}
        </code>{' '}
        shares <strong>{hub.libraryName}</strong>.
      </p>
      <Fingerprint value={hub.fingerprint} label="Fingerprint of this hub" />
      <p className="notice notice--info">
        Compare it with the fingerprint on the hub’s screen (Settings → Clinic network). Join only
        if every group is the same.
      </p>
      <fieldset disabled={busy}>
        <TextField
          id={`${id}-name`}
          label="Name of this computer"
          value={name}
          maxLength={80}
          placeholder="Room 2"
          onChange={setName}
        />
        <TextField
          id={`${id}-pass`}
          label="The clinic passphrase (set on the hub)"
          type="password"
          autoComplete="current-password"
          value={passphrase}
          onChange={setPassphrase}
          hint="A backup of this computer’s library is made first; what it holds is merged into the clinic library."
        />
        <FormError error={error} />
        <div className="toolbar">
          <button type="submit" className="button button--primary">
            The fingerprints match: join
          </button>
          <button type="button" className="button button--quiet" onClick={props.onBack}>
            Back
          </button>
        </div>
      </fieldset>
    </form>
  )
}
