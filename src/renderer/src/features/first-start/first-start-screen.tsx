import { useEffect, useState } from 'react'
import { ErrorState, Loading } from '../../components/states'
import { api } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { navigate } from '../../lib/router'
import { markFirstScreen } from '../../lib/startup'
import { useAsync } from '../../lib/use-async'
import { useDocumentTitle } from '../../lib/use-document-title'
import type { ClinicProfile } from '../../../../shared/api/settings'
import { BUILTIN_HANDOUT_LANGS, langLabel } from '../../../../shared/handouts/languages'
import { PAPER_SIZES, paperLabel } from '../../../../shared/handouts/paper'
import { firstAnswers, profileWithAnswers } from './answers'
import type { AnswerErrors, Answers } from './answers'
import { TextField } from '../../components/text-field'
import { ChoiceGroup } from './fields'
import './first-start.css'

/** Where the app goes once the setup is done: the screen the clinic chose for this computer. */
const screenAfter = (startScreen: Answers['startScreen']): string =>
  startScreen === 'front-desk' ? '#/front-desk' : '#/articles'

/** The first-start setup: a few answers for the clinic profile, or skip. */
export function FirstStartScreen() {
  useDocumentTitle('Welcome')
  const loaded = useAsync(() => api.settings.getProfile({}), 'first-start')
  useEffect(() => {
    if (loaded.state.status !== 'loading') markFirstScreen()
  }, [loaded.state.status])
  return (
    <main id="main" className="first-start" aria-labelledby="first-start-title">
      <div className="first-start__card">
        <h1 id="first-start-title">Welcome to Pointbook</h1>
        {loaded.state.status === 'loading' && <Loading label="Opening" />}
        {loaded.state.status === 'error' && (
          <ErrorState
            title="The setup could not be opened"
            error={loaded.state.error}
            onRetry={loaded.reload}
          >
            <button type="button" className="button" onClick={() => void navigate('#/articles')}>
              Go to the knowledge base
            </button>
          </ErrorState>
        )}
        {loaded.state.status === 'ready' && <SetupForm profile={loaded.state.data} />}
      </div>
    </main>
  )
}

function SetupForm({ profile }: { profile: ClinicProfile }) {
  const [answers, setAnswers] = useState<Answers>(() => firstAnswers(profile))
  const [errors, setErrors] = useState<AnswerErrors>({})
  const [busy, setBusy] = useState<'saving' | 'skipping' | null>(null)
  const set = (patch: Partial<Answers>) => setAnswers((a) => ({ ...a, ...patch }))

  // The first answer is where the keyboard starts.
  useEffect(() => document.getElementById('setup-name')?.focus(), [])

  const save = async () => {
    const checked = profileWithAnswers(profile, answers)
    if ('errors' in checked) {
      setErrors(checked.errors)
      const first = Object.keys(checked.errors)[0]
      document.getElementById(first === 'form' ? 'first-start-save' : `setup-${first}`)?.focus()
      return
    }
    setErrors({})
    setBusy('saving')
    try {
      await api.settings.saveProfile(checked.draft)
      await navigate(screenAfter(checked.draft.startScreen), { replace: true })
    } catch (error) {
      // Nothing typed is lost: the answers stay in the form to try again.
      setErrors({ form: errorMessage(error) })
      setBusy(null)
    }
  }

  const skip = async () => {
    setBusy('skipping')
    try {
      await api.settings.skipFirstStart({})
      await navigate('#/articles', { replace: true })
    } catch (error) {
      setErrors({ form: errorMessage(error) })
      setBusy(null)
    }
  }

  const langs = [...new Set([...BUILTIN_HANDOUT_LANGS, answers.defaultLang])]
  return (
    <form
      className="first-start__form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <p className="first-start__intro">
        A few details about your clinic, printed on the handouts you give patients. You can change
        every answer later in Settings.
      </p>
      <div className="first-start__row">
        <TextField
          id="setup-name"
          label="Clinic name"
          hint="Printed at the top of every handout."
          value={answers.name}
          error={errors.name}
          autoComplete="organization"
          onChange={(name) => set({ name })}
        />
        <TextField
          id="setup-phone"
          label="Phone number (optional)"
          hint="So patients know how to reach you."
          type="tel"
          value={answers.phone}
          error={errors.phone}
          autoComplete="tel"
          onChange={(phone) => set({ phone })}
        />
      </div>
      <div className="first-start__row">
        <div className="field">
          <label htmlFor="setup-defaultLang">Handout language</label>
          <select
            id="setup-defaultLang"
            value={answers.defaultLang}
            aria-describedby="setup-defaultLang-hint"
            onChange={(e) => set({ defaultLang: e.target.value })}
          >
            {langs.map((lang) => (
              <option key={lang} value={lang}>
                {langLabel(lang)}
              </option>
            ))}
          </select>
          <p className="field__hint" id="setup-defaultLang-hint">
            Handouts open in this language. You can still print each one in another.
          </p>
        </div>
        <ChoiceGroup
          name="setup-paper"
          legend="Paper size"
          value={answers.defaultPaper}
          options={PAPER_SIZES.map((paper) => ({
            value: paper,
            label: paperLabel(paper),
            hint: paper === 'letter' ? 'Most printers in North America.' : 'Most other countries.'
          }))}
          onChange={(defaultPaper) => set({ defaultPaper })}
        />
      </div>
      <ChoiceGroup
        name="setup-startScreen"
        legend="When Pointbook opens, show"
        value={answers.startScreen}
        options={[
          {
            value: 'home',
            label: 'The knowledge base',
            hint: 'Reference articles, for practitioners.'
          },
          {
            value: 'front-desk',
            label: 'The front desk',
            hint: 'Handouts ready to print, for reception.'
          }
        ]}
        onChange={(startScreen) => set({ startScreen })}
      />
      {errors.form && (
        <p className="field__error first-start__problem" role="alert">
          {errors.form}
        </p>
      )}
      <div className="first-start__actions">
        <button
          id="first-start-save"
          type="submit"
          className="button button--primary"
          disabled={busy !== null}
        >
          {busy === 'saving' ? 'Saving…' : 'Save and start'}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy !== null}
          onClick={() => void skip()}
        >
          Skip for now
        </button>
      </div>
      <p className="field__hint">
        Skip, and Pointbook will not ask again. Settings has every answer.
      </p>
    </form>
  )
}
