import { clinicProfileDraftSchema } from '../../../../shared/api/settings'
import type { ClinicProfile, ClinicProfileDraft } from '../../../../shared/api/settings'

/** What the setup asks; every other part of the profile keeps its current value. */
export type Answers = Pick<
  ClinicProfileDraft,
  'name' | 'phone' | 'defaultLang' | 'defaultPaper' | 'startScreen'
>
/** A message by the answer it is about; `form` for a problem in the rest of the profile. */
export type AnswerErrors = Partial<Record<keyof Answers | 'form', string>>

/** The form's first values: the profile's, except the placeholder name, which starts empty. */
export function firstAnswers(profile: ClinicProfile): Answers {
  return {
    name: profile.isSet ? profile.name : '',
    phone: profile.phone,
    defaultLang: profile.defaultLang,
    defaultPaper: profile.defaultPaper,
    startScreen: profile.startScreen
  }
}

/**
 * The profile to save, checked by the same rules as Settings and the core; or a message for each
 * answer that breaks one (the first message per field).
 */
export function profileWithAnswers(
  profile: ClinicProfile,
  answers: Answers
): { draft: ClinicProfileDraft } | { errors: AnswerErrors } {
  const { logo: _logo, revision: _revision, isSet: _isSet, ...current } = profile
  const parsed = clinicProfileDraftSchema.safeParse({ ...current, ...answers })
  if (parsed.success) return { draft: parsed.data }
  const errors: AnswerErrors = {}
  for (const issue of parsed.error.issues) {
    const key = issue.path[0]
    const field = typeof key === 'string' && key in answers ? (key as keyof Answers) : 'form'
    errors[field] ??= field === 'form' ? `${issue.message} Fix it in Settings.` : issue.message
  }
  return { errors }
}
