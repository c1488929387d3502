import { ApiError } from '../../../shared/api/errors'
import { START_SCREENS } from '../../../shared/api/constants'
import * as settingsApi from '../../../shared/api/settings'
import type { ClinicProfile, ClinicProfileDraft } from '../../../shared/api/settings'
import { defaultPaperForLocale } from '../../../shared/handouts/paper'
import { isoNow } from '../clock'
import type { Clock } from '../clock'
import type { Db } from '../db/sqlite'
import type { WriteGuard } from '../write-guard'
import type { ClinicWideProfile } from './clinic-wide'
import { validateLogo } from './logo'
import { ProfileRepo } from './profile-repo'
import { footerLineFor } from '../../../shared/handouts/footer-line'

export interface SettingsServiceDeps {
  readonly db: Db
  readonly clock: Clock
  readonly guard: WriteGuard
  /** The system locale (Electron: app.getLocale()); sets the first default paper size. */
  readonly systemLocale?: string | undefined
}

/** The first default handout language from the system locale: fr-* → fr-CA, zh-* → zh-Hans. */
export function defaultLangForLocale(locale: string | undefined): string {
  const language = (locale ?? '').split(/[-_]/)[0]?.toLowerCase()
  if (language === 'fr') return 'fr-CA'
  if (language === 'zh') return 'zh-Hans'
  return 'en'
}

/** The clinic profile (Settings). Every save is a new revision; the print log points at one. */
export class SettingsService {
  private readonly repo: ProfileRepo
  private readonly locale: string

  constructor(private readonly deps: SettingsServiceDeps) {
    this.repo = new ProfileRepo(deps.db)
    const given = deps.systemLocale?.trim() ?? ''
    this.locale = given !== '' ? given : Intl.DateTimeFormat().resolvedOptions().locale
  }

  defaults(): ClinicProfileDraft {
    return {
      name: 'Your clinic',
      address: '',
      phone: '',
      email: '',
      website: '',
      practitioners: [],
      defaultPaper: defaultPaperForLocale(this.locale),
      defaultLang: defaultLangForLocale(this.locale),
      footerLine: '',
      printerName: null,
      startScreen: 'home'
    }
  }

  getProfile(): ClinicProfile {
    const stored = this.repo.latest()
    return stored === null ? this.unset() : this.load(stored.revision)
  }

  /**
   * What the first window needs of the profile, read without its schema (which a start-up never
   * loads, docs/architecture.md §6): whether one was saved, and the screen it opens on, 'home'
   * unless the stored one is a screen this version knows.
   */
  startProfile(): Pick<ClinicProfile, 'isSet' | 'startScreen'> {
    const stored = this.repo.latest()
    if (stored === null) return { isSet: false, startScreen: 'home' }
    const saved = (JSON.parse(stored.profileJson) as { startScreen?: unknown }).startScreen
    const known = START_SCREENS.find((screen) => screen === saved)
    return { isSet: true, startScreen: known ?? 'home' }
  }

  /**
   * The clinic's default handout language, as getProfile() has it, read without the profile's
   * schema or logo: search asks for it whenever two language versions of one handout are among
   * its hits, which getProfile() would make cost a schema parse and the logo's bytes each time.
   */
  defaultHandoutLanguage(): string {
    const stored = this.repo.latest()
    const saved =
      stored === null
        ? undefined
        : (JSON.parse(stored.profileJson) as { defaultLang?: unknown }).defaultLang
    return typeof saved === 'string' ? saved : this.defaults().defaultLang
  }

  /** The profile as it was at a revision (0 = never saved): reprints use it. */
  profileAt(revision: number): ClinicProfile {
    if (revision === 0) return this.unset()
    return this.load(revision)
  }

  saveProfile(draft: ClinicProfileDraft): ClinicProfile {
    this.deps.guard.assertWritable()
    const checked = settingsApi.clinicProfileDraftSchema.parse(draft)
    // The single line stays the default language's, for prints and readers from before footerLines.
    const parsed = { ...checked, footerLine: footerLineFor(checked, checked.defaultLang) }
    const logoHash = this.repo.latest()?.logoHash ?? null
    this.repo.insert(JSON.stringify(parsed), logoHash, isoNow(this.deps.clock))
    return this.getProfile()
  }

  setLogo(fileName: string, dataBase64: string): ClinicProfile {
    this.deps.guard.assertWritable()
    const logo = validateLogo(fileName, dataBase64)
    const current = this.currentDraft()
    this.deps.db.transaction(() => {
      this.repo.putLogo(logo)
      this.repo.insert(JSON.stringify(current), logo.hash, isoNow(this.deps.clock))
    })()
    return this.getProfile()
  }

  /**
   * A profile saved on another computer of the clinic (docs/clinic-network.md): its clinic-wide
   * fields and logo over this computer's printer and start screen, as a new revision. Checked as
   * a save and a chosen logo file are: a bad one throws and nothing is written. The revision's
   * number is returned.
   */
  receiveClinicWide(clinicWide: ClinicWideProfile, logoBase64: string | null): number {
    const { printerName, startScreen } = this.getProfile()
    const draft = settingsApi.clinicProfileDraftSchema.parse({
      ...clinicWide,
      printerName,
      startScreen
    })
    const logo = logoBase64 === null ? null : validateLogo('logo', logoBase64)
    return this.deps.db.transaction(() => {
      if (logo !== null) this.repo.putLogo(logo)
      return this.repo.insert(JSON.stringify(draft), logo?.hash ?? null, isoNow(this.deps.clock))
    })()
  }

  clearLogo(): ClinicProfile {
    this.deps.guard.assertWritable()
    this.repo.insert(JSON.stringify(this.currentDraft()), null, isoNow(this.deps.clock))
    return this.getProfile()
  }

  private currentDraft(): ClinicProfileDraft {
    const { logo: _logo, revision: _revision, isSet: _isSet, ...draft } = this.getProfile()
    return draft
  }

  private unset(): ClinicProfile {
    return { ...this.defaults(), logo: null, revision: 0, isSet: false }
  }

  private load(revision: number): ClinicProfile {
    const stored = this.repo.byRevision(revision)
    if (stored === null) throw new ApiError('not_found', 'That clinic profile no longer exists.')
    // Stored JSON was valid when saved; parse leniently over today's defaults so a field added
    // by a later version never makes an old profile unreadable.
    const raw = { ...this.defaults(), ...(JSON.parse(stored.profileJson) as object) }
    const parsed = settingsApi.clinicProfileDraftSchema.safeParse(raw)
    const draft = parsed.success
      ? parsed.data
      : { ...this.defaults(), ...(raw as ClinicProfileDraft) }
    const logo = stored.logoHash === null ? null : this.repo.logo(stored.logoHash)
    return {
      ...draft,
      logo:
        logo === null
          ? null
          : {
              mime: logo.mime,
              dataBase64: logo.data.toString('base64'),
              width: logo.width,
              height: logo.height
            },
      revision: stored.revision,
      isSet: true
    }
  }
}
