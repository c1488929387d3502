import { useState } from 'react'
import type { Article, ArticleDraft } from '../../../../shared/api/articles'
import { api } from '../../lib/api'
import { errorCode, errorMessage } from '../../lib/errors'
import { fieldErrorsFromMessage, toDraft, validateDraft } from './validation'
import type { FieldErrors, FormValues } from './validation'

export type SaveOutcome =
  | { readonly kind: 'saved'; readonly article: Article }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'failed' }

/**
 * Validates with the contract, then creates or updates (naming the revision the edit started
 * from). Field errors, a conflict, or any other failure are kept for the form to show; the
 * user's text is never touched here.
 */
export function useSaveArticle(id: string | null) {
  const [saving, setSaving] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [conflict, setConflict] = useState<string | null>(null)

  const save = async (values: FormValues, baseRevision: number | null): Promise<SaveOutcome> => {
    const checked = validateDraft(toDraft(values))
    if (!checked.ok) {
      setErrors(checked.errors)
      setFormError(null)
      return { kind: 'invalid' }
    }
    setSaving(true)
    setFormError(null)
    try {
      const draft: ArticleDraft = checked.value
      const article =
        id === null || baseRevision === null
          ? await api.articles.create(draft)
          : await api.articles.update({ ...draft, id, baseRevision })
      setErrors({})
      setConflict(null)
      return { kind: 'saved', article }
    } catch (error) {
      const code = errorCode(error)
      if (code === 'conflict') {
        setConflict(errorMessage(error))
        return { kind: 'conflict' }
      }
      const fields = code === 'invalid_input' ? fieldErrorsFromMessage(errorMessage(error)) : null
      if (fields) {
        setErrors(fields)
        return { kind: 'invalid' }
      }
      setFormError(errorMessage(error))
      return { kind: 'failed' }
    } finally {
      setSaving(false)
    }
  }

  const clearConflict = () => setConflict(null)

  return { save, saving, errors, setErrors, formError, conflict, clearConflict }
}
