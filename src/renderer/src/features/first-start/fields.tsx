interface TextFieldProps {
  id: string
  label: string
  hint: string
  value: string
  error: string | undefined
  onChange: (value: string) => void
  type?: 'text' | 'tel'
  autoComplete?: string
}

/** A labelled text box with its hint, and its error right under it (read out when it appears). */
export function TextField(props: TextFieldProps) {
  const { id, error } = props
  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        autoComplete={props.autoComplete}
        aria-invalid={!!error}
        aria-describedby={described}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <p className="field__hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      {error && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  )
}

interface ChoiceGroupProps<V extends string> {
  name: string
  legend: string
  value: V
  options: readonly { value: V; label: string; hint: string }[]
  onChange: (value: V) => void
}

/** Radio buttons drawn as cards, each with a line saying what it means; arrow keys move between. */
export function ChoiceGroup<V extends string>(props: ChoiceGroupProps<V>) {
  return (
    <fieldset className="choice-group">
      <legend>{props.legend}</legend>
      {props.options.map((option) => {
        const id = `${props.name}-${option.value}`
        return (
          <label
            key={option.value}
            className={option.value === props.value ? 'choice is-on' : 'choice'}
            htmlFor={id}
          >
            <input
              id={id}
              type="radio"
              name={props.name}
              value={option.value}
              checked={option.value === props.value}
              aria-describedby={`${id}-hint`}
              onChange={() => props.onChange(option.value)}
            />
            <span className="choice__text">
              <span className="choice__label">{option.label}</span>
              <span className="choice__hint" id={`${id}-hint`}>
                {option.hint}
              </span>
            </span>
          </label>
        )
      })}
    </fieldset>
  )
}
