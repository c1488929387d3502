import type { Ref } from 'react'
import { FIELD_LABELS } from './validation'
import type { FieldErrors, FieldName } from './validation'

/** "Please fix 2 things" with a link to each field; focused after a failed save. */
export function ErrorSummary({ errors, ref }: { errors: FieldErrors; ref: Ref<HTMLDivElement> }) {
  const entries = Object.entries(errors).filter(([, message]) => message) as [FieldName, string][]
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className={entries.length > 0 ? 'error-summary' : 'visually-hidden'}
      role="alert"
    >
      {entries.length > 0 && (
        <>
          <h2 className="error-summary__title">
            The article was not saved:{' '}
            {entries.length === 1 ? 'one field needs' : `${entries.length} fields need`} attention
          </h2>
          <ul>
            {entries.map(([field, message]) => (
              <li key={field}>
                <a
                  href={`#field-${field}`}
                  onClick={(event) => {
                    event.preventDefault()
                    document.getElementById(`field-${field}`)?.focus()
                  }}
                >
                  {FIELD_LABELS[field]}: {message}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
