import { useId } from 'react'
import type { ReactNode } from 'react'
import type { ArticleCategory } from '../../../../shared/api/articles'
import { CATEGORIES, CATEGORY_LABELS } from '../library/article-meta'
import type { FieldErrors, FieldName, FormValues } from './validation'

interface FieldProps {
  name: FieldName
  label: string
  hint?: ReactNode
  error?: string
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode
}

/** Label, control, hint and error message, wired together with ids for assistive technology. */
export function Field({ name, label, hint, error, children }: FieldProps) {
  const id = `field-${name}`
  const hintId = useId()
  const errorId = useId()
  const describedBy =
    [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  )
}

interface MetaFieldsProps {
  values: FormValues
  errors: FieldErrors
  onChange: (patch: Partial<FormValues>) => void
}

/** Title, category, tags and summary. */
export function MetaFields({ values, errors, onChange }: MetaFieldsProps) {
  return (
    <div className="editor__meta">
      <Field name="title" label="Title" error={errors.title}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type="text"
            value={values.title}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            aria-required="true"
            onChange={(e) => onChange({ title: e.target.value })}
          />
        )}
      </Field>
      <Field name="category" label="Category" error={errors.category}>
        {({ id, describedBy, invalid }) => (
          <select
            id={id}
            value={values.category}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(e) => onChange({ category: e.target.value as ArticleCategory })}
          >
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        name="tags"
        label="Tags"
        hint="Separate tags with commas, e.g. neck, headache."
        error={errors.tags}
      >
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            type="text"
            value={values.tagsText}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(e) => onChange({ tagsText: e.target.value })}
          />
        )}
      </Field>
      <Field
        name="summary"
        label="Summary"
        hint={`One sentence shown in lists and search results (${values.summary.trim().length}/400).`}
        error={errors.summary}
      >
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            rows={2}
            value={values.summary}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(e) => onChange({ summary: e.target.value })}
          />
        )}
      </Field>
    </div>
  )
}
