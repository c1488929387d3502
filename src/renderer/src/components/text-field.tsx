import type { HTMLInputTypeAttribute } from 'react'

export interface TextFieldProps {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  /** A line under the box saying what to type (tied to it with aria-describedby). */
  hint?: string | undefined
  /** What is wrong with the value, right under it and read out when it appears. */
  error?: string | undefined
  type?: HTMLInputTypeAttribute
  autoComplete?: string
  placeholder?: string
  maxLength?: number
  inputMode?: 'url' | 'numeric'
  /** The wrapper's class; `field` by default (`field field--invalid` with an error). */
  className?: string
}

/** One labelled text box, with its hint and its error: the first-start and network forms'. */
export function TextField(props: TextFieldProps) {
  const { id, hint, error } = props
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const described = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ')
  return (
    <div className={props.className ?? (error ? 'field field--invalid' : 'field')}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        autoComplete={props.autoComplete}
        placeholder={props.placeholder}
        maxLength={props.maxLength}
        inputMode={props.inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
