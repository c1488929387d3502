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
