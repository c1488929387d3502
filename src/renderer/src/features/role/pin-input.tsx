import type { Ref } from 'react'

interface PinInputProps {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  /** 'new-password' where a PIN is chosen (browsers must not fill in an old one). */
  readonly autoComplete: 'off' | 'new-password'
  readonly invalid?: boolean
  readonly describedBy?: string | undefined
  readonly ref?: Ref<HTMLInputElement>
}

/** A labelled PIN field: hidden characters, the number keypad on touch screens. */
export function PinInput({
  id,
  label,
  value,
  onChange,
  autoComplete,
  invalid = false,
  describedBy,
  ref
}: PinInputProps) {
  return (
    <div className={invalid ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        ref={ref}
        id={id}
        type="password"
        inputMode="numeric"
        autoComplete={autoComplete}
        maxLength={40}
        value={value}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  )
}
