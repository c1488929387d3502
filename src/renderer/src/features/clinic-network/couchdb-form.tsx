import { useId, useState } from 'react'
import type { JoinReport } from '../../../../shared/api/network'
import { api } from '../../lib/api'
import { TextField } from '../../components/text-field'
import { FormError, useSubmit } from './form-parts'

/** The other way in: a CouchDB server's address, user and password (a clinic group's server). */
export function CouchDbForm(props: { disabled: boolean; onJoined: (report: JoinReport) => void }) {
  const id = useId()
  const [url, setUrl] = useState('')
  const [user, setUser] = useState('')
  const [password, setPassword] = useState('')
  const { busy, error, submit } = useSubmit()
  const join = () =>
    submit(async () => {
      props.onJoined(
        await api.network.joinCouchDb({ url: url.trim(), user: user.trim(), password })
      )
    })
  return (
    <details className="clinic-network__couchdb">
      <summary>Use a CouchDB server instead</summary>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void join()
        }}
      >
        <fieldset disabled={props.disabled || busy}>
          <TextField
            id={`${id}-url`}
            label="Server address"
            value={url}
            placeholder="https://couch.example.org:6984"
            onChange={setUrl}
          />
          <TextField
            id={`${id}-user`}
            label="User name"
            value={user}
            autoComplete="username"
            onChange={setUser}
          />
          <TextField
            id={`${id}-password`}
            label="Password"
            type="password"
            value={password}
            autoComplete="current-password"
            onChange={setPassword}
          />
          <FormError error={error} />
          <button type="submit" className="button">
            Join this server
          </button>
        </fieldset>
      </form>
    </details>
  )
}
