import { useState } from 'react'
import { HUB_PORT_MAX, HUB_PORT_MIN } from '../../../../shared/network/constants'
import { errorMessage } from '../../lib/errors'

/** A typed hub port as a number, or null when it is not a whole number from 1024 to 65535. */
export function typedHubPort(typed: string): number | null {
  const text = typed.trim()
  const port = Number(text)
  return /^\d{1,5}$/.test(text) && port >= HUB_PORT_MIN && port <= HUB_PORT_MAX ? port : null
}

/** The form's error, said as the core (or the form's own check) put it. */
export function FormError({ error }: { error: string | null }) {
  if (error === null) return null
  return (
    <p className="field__error" role="alert">
      {error}
    </p>
  )
}

/**
 * A form's one action: `busy` while it runs, its failure kept as a sentence. `work` returns a
 * sentence to refuse before calling anything (a check of what was typed), or nothing.
 */
export function useSubmit(): {
  readonly busy: boolean
  readonly error: string | null
  readonly submit: (work: () => Promise<string | void>) => Promise<void>
} {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = async (work: () => Promise<string | void>) => {
    setBusy(true)
    setError(null)
    try {
      const refused = await work()
      if (typeof refused === 'string') setError(refused)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, submit }
}
