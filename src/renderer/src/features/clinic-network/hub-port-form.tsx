import { useId, useState } from 'react'
import {
  HUB_PORT_MAX,
  HUB_PORT_MIN,
  HUB_PORT_RANGE_MESSAGE
} from '../../../../shared/network/constants'
import type { NetworkStatus } from '../../../../shared/api/network'
import { api } from '../../lib/api'
import { TextField } from '../../components/text-field'
import { FormError, typedHubPort, useSubmit } from './form-parts'

/**
 * The port the hub listens on, and changing it (when another program on this computer needs the
 * usual one). The core refuses a port in use and keeps the hub where it was.
 */
export function HubPortForm(props: {
  port: number
  disabled: boolean
  onChange: (status: NetworkStatus) => void
}) {
  const id = useId()
  const [editing, setEditing] = useState(false)
  const [value, setValue] = useState('')
  const { busy, error, submit } = useSubmit()

  if (!editing) {
    return (
      <p className="clinic-network__port">
        The hub uses port {props.port}.{' '}
        <button
          type="button"
          className="button button--small"
          disabled={props.disabled}
          onClick={() => {
            setValue(String(props.port))
            setEditing(true)
          }}
        >
          Change the port
        </button>
      </p>
    )
  }

  const save = () =>
    submit(async () => {
      const port = typedHubPort(value)
      if (port === null) return HUB_PORT_RANGE_MESSAGE
      props.onChange(await api.network.setHubPort({ port }))
      setEditing(false)
    })

  return (
    <form
      aria-label="The hub’s port"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <fieldset disabled={props.disabled || busy}>
        <TextField
          id={`${id}-port`}
          label="New port"
          value={value}
          inputMode="numeric"
          maxLength={5}
          onChange={setValue}
          hint={`A number from ${HUB_PORT_MIN} to ${HUB_PORT_MAX}. Change it only if another program on this computer uses this one. Computers that already joined find the hub at its new port by themselves. If one stays offline (some networks block the hub’s announcement), leave the clinic network on it and join again.`}
        />
        <FormError error={error} />
        <div className="toolbar">
          <button type="submit" className="button button--primary">
            Use this port
          </button>
          <button type="button" className="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </div>
      </fieldset>
    </form>
  )
}
