import { paperLabel } from '../../../../shared/handouts/paper'
import { useState } from 'react'
import type { ChangeEvent, ReactElement } from 'react'
import { ErrorState, Loading } from '../../components/states'
import { useToast } from '../../components/toast'
import { api } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { useAsync } from '../../lib/use-async'
import { useDocumentTitle } from '../../lib/use-document-title'
import { clinicProfileDraftSchema, LOGO_MAX_BYTES } from '../../../../shared/api/settings'
import type {
  ClinicProfile,
  ClinicProfileDraft,
  PrinterInfo
} from '../../../../shared/api/settings'
import { BUILTIN_HANDOUT_LANGS, langLabel } from '../../../../shared/handouts/languages'
import { handoutPaths } from '../handouts/paths'
import { Link } from '../../lib/link'
import { useRole } from '../role/role-context'
import { RoleSection } from './role-section'
import { ClinicNetworkLink } from '../clinic-network/clinic-network-link'
import { FooterLinesField } from './footer-lines-field'
import { ProfileConflictNotice } from './profile-conflict-notice'
import { draftOf } from './profile-versions'
import { footerLinesOf } from '../../../../shared/handouts/footer-line'
import './settings.css'

/** Settings: the clinic profile printed on every handout, print defaults, and the start screen. */
export function SettingsScreen() {
  useDocumentTitle('Settings')
  const loaded = useAsync(
    async () => ({
      profile: await api.settings.getProfile({}),
      printers: await api.settings.printers({})
    }),
    'settings'
  )
  if (loaded.state.status === 'loading') return <Loading label="Opening the settings" />
  if (loaded.state.status === 'error') {
    return (
      <ErrorState
        title="The settings could not be opened"
        error={loaded.state.error}
        onRetry={loaded.reload}
      />
    )
  }
  return <ProfileForm profile={loaded.state.data.profile} printers={loaded.state.data.printers} />
}

type Errors = Partial<Record<keyof ClinicProfileDraft | 'logo', string>>

function ProfileForm(props: { profile: ClinicProfile; printers: PrinterInfo[] }) {
  const toast = useToast()
  const [profile, setProfile] = useState(props.profile)
  const [draft, setDraft] = useState<ClinicProfileDraft>(() => draftOf(props.profile))
  const [practitionersText, setPractitionersText] = useState(props.profile.practitioners.join('\n'))
  const [errors, setErrors] = useState<Errors>({})
  const [saving, setSaving] = useState(false)
  // Front-desk mode: the profile is shown, not editable (the core refuses a save anyway).
  const { frontDesk } = useRole()
  const set = (patch: Partial<ClinicProfileDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const replaced = (saved: ClinicProfile) => {
    setProfile(saved)
    setDraft(draftOf(saved))
    setPractitionersText(saved.practitioners.join('\n'))
  }

  const save = async () => {
    const candidate = {
      ...draft,
      practitioners: practitionersText
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
    }
    const parsed = clinicProfileDraftSchema.safeParse(candidate)
    if (!parsed.success) {
      const next: Errors = {}
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? 'name') as keyof Errors
        next[key] ??= issue.message
      }
      setErrors(next)
      document.getElementById(`profile-${Object.keys(next)[0] ?? 'name'}`)?.focus()
      return
    }
    setErrors({})
    setSaving(true)
    try {
      const saved = await api.settings.saveProfile(parsed.data)
      setProfile(saved)
      toast({ message: 'Clinic profile saved. New prints use it.' })
    } catch (error) {
      setErrors({ name: errorMessage(error) })
    } finally {
      setSaving(false)
    }
  }

  const chooseLogo = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0]
    event.target.value = ''
    if (!file) return
    if (file.size > LOGO_MAX_BYTES) {
      setErrors((e) => ({
        ...e,
        logo: `The logo is too large (${Math.ceil(file.size / 1024)} KB); use one of 512 KB or less.`
      }))
      return
    }
    try {
      const bytes = new Uint8Array(await file.arrayBuffer())
      let binary = ''
      for (let i = 0; i < bytes.length; i += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
      const saved = await api.settings.setLogo({ fileName: file.name, dataBase64: btoa(binary) })
      setProfile(saved)
      setErrors((e) => ({ ...e, logo: undefined }))
    } catch (error) {
      setErrors((e) => ({ ...e, logo: errorMessage(error) }))
    }
  }

  const field = (
    key: keyof ClinicProfileDraft,
    label: string,
    input: ReactElement,
    hint?: string
  ) => (
    <div className={errors[key] ? 'field field--invalid' : 'field'}>
      <label htmlFor={`profile-${key}`}>{label}</label>
      {input}
      {hint && (
        <p className="field__hint" id={`profile-${key}-hint`}>
          {hint}
        </p>
      )}
      {errors[key] && (
        <p className="field__error" id={`profile-${key}-error`} role="alert">
          {errors[key]}
        </p>
      )}
    </div>
  )
  const described = (key: keyof ClinicProfileDraft, hint = false) =>
    [hint ? `profile-${key}-hint` : '', errors[key] ? `profile-${key}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined

  return (
    <section className="screen settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <ProfileConflictNotice shown={profile} readOnly={frontDesk} onReplaced={replaced} />
      <p>
        <Link to={handoutPaths.backups()}>Backups</Link>: see, make and restore the library’s
        backups.
      </p>
      <ClinicNetworkLink />
      <RoleSection />
      <form
        className="settings__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <fieldset disabled={frontDesk}>
          <legend>Clinic profile (printed on every handout)</legend>
          {field(
            'name',
            'Clinic name',
            <input
              id="profile-name"
              value={draft.name}
              maxLength={200}
              aria-invalid={!!errors.name}
              aria-describedby={described('name')}
              onChange={(e) => set({ name: e.target.value })}
            />
          )}
          {field(
            'address',
            'Address',
            <textarea
              id="profile-address"
              rows={3}
              value={draft.address}
              aria-invalid={!!errors.address}
              aria-describedby={described('address')}
              onChange={(e) => set({ address: e.target.value })}
            />
          )}
          {field(
            'phone',
            'Phone',
            <input
              id="profile-phone"
              type="tel"
              value={draft.phone}
              aria-invalid={!!errors.phone}
              aria-describedby={described('phone')}
              onChange={(e) => set({ phone: e.target.value })}
            />
          )}
          {field(
            'email',
            'Email',
            <input
              id="profile-email"
              type="email"
              value={draft.email}
              aria-invalid={!!errors.email}
              aria-describedby={described('email')}
              onChange={(e) => set({ email: e.target.value })}
            />
          )}
          {field(
            'website',
            'Website',
            <input
              id="profile-website"
              value={draft.website}
              aria-invalid={!!errors.website}
              aria-describedby={described('website', true)}
              onChange={(e) => set({ website: e.target.value })}
            />,
            'For example clinic.ca or https://clinic.ca.'
          )}
          {field(
            'practitioners',
            "Practitioners' names (one per line)",
            <textarea
              id="profile-practitioners"
              rows={4}
              value={practitionersText}
              aria-invalid={!!errors.practitioners}
              aria-describedby={described('practitioners')}
              onChange={(e) => setPractitionersText(e.target.value)}
            />
          )}
          <FooterLinesField
            lines={footerLinesOf(draft)}
            onChange={(footerLines) => set({ footerLines })}
            error={errors.footerLines}
          />
          <div className={errors.logo ? 'field field--invalid' : 'field'}>
            <span className="field__label" id="profile-logo-label">
              Logo
            </span>
            <div className="logo-field">
              {profile.logo ? (
                <img
                  className="logo-field__image"
                  alt="The clinic logo"
                  src={`data:${profile.logo.mime};base64,${profile.logo.dataBase64}`}
                />
              ) : (
                <span className="muted">No logo</span>
              )}
              <label className="button">
                {profile.logo ? 'Replace logo…' : 'Choose a logo…'}
                <input
                  id="profile-logo"
                  className="visually-hidden"
                  type="file"
                  accept="image/png,image/jpeg,image/svg+xml,.png,.jpg,.jpeg,.svg"
                  aria-describedby="profile-logo-hint"
                  onChange={(e) => void chooseLogo(e)}
                />
              </label>
              {profile.logo && (
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() =>
                    void api.settings
                      .clearLogo({})
                      .then(setProfile, (e: unknown) =>
                        setErrors((x) => ({ ...x, logo: errorMessage(e) }))
                      )
                  }
                >
                  Remove logo
                </button>
              )}
            </div>
            <p className="field__hint" id="profile-logo-hint">
              PNG, JPEG or SVG, 512 KB at most.
            </p>
            {errors.logo && (
              <p className="field__error" role="alert">
                {errors.logo}
              </p>
            )}
          </div>
        </fieldset>

        <fieldset disabled={frontDesk}>
          <legend>Printing</legend>
          <fieldset className="segmented">
            <legend>Default paper size</legend>
            {(['letter', 'a4'] as const).map((paper) => (
              <label
                key={paper}
                className={
                  draft.defaultPaper === paper ? 'segmented__option is-on' : 'segmented__option'
                }
              >
                <input
                  type="radio"
                  name="default-paper"
                  checked={draft.defaultPaper === paper}
                  onChange={() => set({ defaultPaper: paper })}
                />
                {paperLabel(paper)}
              </label>
            ))}
          </fieldset>
          {field(
            'defaultLang',
            'Default handout language',
            <select
              id="profile-defaultLang"
              value={draft.defaultLang}
              onChange={(e) => set({ defaultLang: e.target.value })}
            >
              {[...new Set([...BUILTIN_HANDOUT_LANGS, draft.defaultLang])].map((l) => (
                <option key={l} value={l}>
                  {langLabel(l)}
                </option>
              ))}
            </select>
          )}
          {field(
            'printerName',
            'Printer for one-click printing',
            <select
              id="profile-printerName"
              value={draft.printerName ?? ''}
              aria-describedby={described('printerName', true)}
              onChange={(e) => set({ printerName: e.target.value === '' ? null : e.target.value })}
            >
              <option value="">Always show the print dialog</option>
              {props.printers.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.displayName}
                  {p.isDefault ? ' (system default)' : ''}
                </option>
              ))}
              {draft.printerName !== null &&
                !props.printers.some((p) => p.name === draft.printerName) && (
                  <option value={draft.printerName}>{draft.printerName} (not found)</option>
                )}
            </select>,
            'With a printer chosen, Print sends handouts straight to it without a dialog.'
          )}
          <label className="toggle">
            <input
              type="checkbox"
              checked={draft.startScreen === 'front-desk'}
              onChange={(e) => set({ startScreen: e.target.checked ? 'front-desk' : 'home' })}
            />
            Open Pointbook on the front-desk screen
          </label>
        </fieldset>
        {!frontDesk && (
          <div className="toolbar">
            <button type="submit" className="button button--primary" disabled={saving}>
              Save settings
            </button>
          </div>
        )}
      </form>
    </section>
  )
}
