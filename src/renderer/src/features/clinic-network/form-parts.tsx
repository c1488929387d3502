import { useState } from 'react'
import type { HTMLInputTypeAttribute } from 'react'
import { errorMessage } from '../../lib/errors'

/** One labelled text input of the clinic network's forms, with an optional hint. */
export function TextField(props: {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  type?: HTMLInputTypeAttribute
  autoComplete?: string
  placeholder?: string
  maxLength?: number
  inputMode?: 'url' | 'numeric'
  hint?: string
  className?: string
}) {
  const hintId = `${props.id}-hint`
  return (
    <div className={props.className ?? 'field'}>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        autoComplete={props.autoComplete}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        inputMode={props.inputMode}
        aria-describedby={props.hint ? hintId : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.hint && (
        <p className="field__hint" id={hintId}>
          {props.hint}
        </p>
      )}
    </div>
  )
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
