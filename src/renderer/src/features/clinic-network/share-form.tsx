import { useId, useState } from 'react'
import {
  DEFAULT_HUB_PORT,
  HUB_PORT_RANGE_MESSAGE,
  PASSPHRASE_MIN_LENGTH
} from '../../../../shared/network/constants'
import type { NetworkStatus } from '../../../../shared/api/network'
import { api } from '../../lib/api'
import { TextField } from '../../components/text-field'
import { FormError, typedHubPort, useSubmit } from './form-parts'

/**
 * "Share this library on the clinic network": a name, the clinic passphrase (twice), the port
 * (empty: the one this hub used last, or the usual one), Share. The port is here, not only once
 * sharing, because sharing is refused when another program holds the usual port.
 */
export function ShareForm(props: { disabled: boolean; onChange: (status: NetworkStatus) => void }) {
  const id = useId()
  const [name, setName] = useState('')
  const [passphrase, setPassphrase] = useState('')
  const [again, setAgain] = useState('')
  const [port, setPort] = useState('')
  const { busy, error, submit } = useSubmit()

  const share = () =>
    submit(async () => {
      if (!name.trim()) return 'Enter a name for the clinic library.'
      if (passphrase.length < PASSPHRASE_MIN_LENGTH) {
        return `The passphrase needs at least ${PASSPHRASE_MIN_LENGTH} characters.`
      }
      if (passphrase !== again) return 'The two passphrases are not the same.'
      const chosenPort = port.trim() === '' ? undefined : typedHubPort(port)
      if (chosenPort === null) return HUB_PORT_RANGE_MESSAGE
      props.onChange(
        await api.network.share({
          libraryName: name.trim(),
          passphrase,
          ...(chosenPort === undefined ? {} : { port: chosenPort })
        })
      )
    })

  return (
    <form
      className="clinic-network__card"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void share()
      }}
    >
      <h2 id={`${id}-title`}>Share this library on the clinic network</h2>
      <p>
        This computer becomes the hub. Leave it on during clinic hours. Other computers join it with
        the passphrase you choose here.
      </p>
      <fieldset disabled={props.disabled || busy}>
        <TextField
          id={`${id}-name`}
          label="Name of the clinic library"
          value={name}
          maxLength={80}
          placeholder="North Clinic"
          onChange={setName}
        />
        <TextField
          id={`${id}-pass`}
          label="Clinic passphrase"
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={setPassphrase}
          hint={`At least ${PASSPHRASE_MIN_LENGTH} characters. Several words are easy to type and hard to guess.`}
        />
        <TextField
          id={`${id}-again`}
          label="Repeat the passphrase"
          type="password"
          autoComplete="new-password"
          value={again}
          onChange={setAgain}
        />
        <TextField
          id={`${id}-port`}
          label="Port for the hub (optional)"
          value={port}
          inputMode="numeric"
          maxLength={5}
          placeholder={String(DEFAULT_HUB_PORT)}
          onChange={setPort}
          hint={`Leave it empty to use the usual port, ${DEFAULT_HUB_PORT}, or the one this hub used last. Change it only if another program on this computer uses that one.`}
        />
        <FormError error={error} />
        <div className="toolbar">
          <button type="submit" className="button button--primary">
            Share this library
          </button>
        </div>
      </fieldset>
    </form>
  )
}
