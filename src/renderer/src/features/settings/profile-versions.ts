import type { ClinicProfile, ClinicProfileDraft } from '../../../../shared/api/settings'
import { footerLinesOf } from '../../../../shared/handouts/footer-line'
import { BUILTIN_HANDOUT_LANGS, langLabel } from '../../../../shared/handouts/languages'
import { paperLabel } from '../../../../shared/handouts/paper'

/** The form's fields of a saved profile (what a save sends back). */
export const draftOf = (p: ClinicProfile): ClinicProfileDraft => ({
  name: p.name,
  address: p.address,
  phone: p.phone,
  email: p.email,
  website: p.website,
  practitioners: p.practitioners,
  defaultPaper: p.defaultPaper,
  defaultLang: p.defaultLang,
  footerLine: p.footerLine,
  footerLines: footerLinesOf(p),
  printerName: p.printerName,
  startScreen: p.startScreen
})

/** One field where another version of the profile differs from the one shown, in words. */
export interface ProfileDifference {
  readonly label: string
  readonly other: string
  readonly shown: string
}

const EMPTY = 'left empty'
const words = (value: string): string => {
  // An address has a line each for street, city…: one line reads better in a sentence.
  const oneLine = value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(', ')
  return oneLine === '' ? EMPTY : oneLine
}
const names = (list: readonly string[]): string => (list.length === 0 ? 'none' : list.join(', '))
const logoWords = (logo: ClinicProfile['logo']): string => (logo === null ? 'no logo' : 'a logo')

/**
 * What another version of the clinic profile has that differs from the one shown: its clinic-wide
 * fields only (this computer's printer and start screen are never another computer's), in the
 * form's order. A logo is "different", never described: the person compares the pictures.
 */
export function profileDifferences(
  shown: ClinicProfile,
  other: ClinicProfile
): ProfileDifference[] {
  const found: ProfileDifference[] = []
  const compare = (label: string, otherValue: string, shownValue: string): void => {
    if (otherValue !== shownValue) found.push({ label, other: otherValue, shown: shownValue })
  }
  compare('Clinic name', words(other.name), words(shown.name))
  compare('Address', words(other.address), words(shown.address))
  compare('Phone', words(other.phone), words(shown.phone))
  compare('Email', words(other.email), words(shown.email))
  compare('Website', words(other.website), words(shown.website))
  compare('Practitioners', names(other.practitioners), names(shown.practitioners))
  const otherLines = footerLinesOf(other)
  const shownLines = footerLinesOf(shown)
  for (const lang of BUILTIN_HANDOUT_LANGS) {
    compare(`Footer line (${langLabel(lang)})`, words(otherLines[lang]), words(shownLines[lang]))
  }
  compare('Default paper size', paperLabel(other.defaultPaper), paperLabel(shown.defaultPaper))
  compare('Default handout language', langLabel(other.defaultLang), langLabel(shown.defaultLang))
  const otherLogo = other.logo?.dataBase64 ?? null
  const shownLogo = shown.logo?.dataBase64 ?? null
  if (otherLogo !== shownLogo) {
    found.push({
      label: 'Logo',
      other: otherLogo !== null && shownLogo !== null ? 'a different logo' : logoWords(other.logo),
      shown: logoWords(shown.logo)
    })
  }
  return found
}

/**
 * The draft that makes another version the profile: its clinic-wide fields with this computer's
 * own printer and start screen (they are never another computer's).
 */
export const otherVersionDraft = (
  shown: ClinicProfile,
  other: ClinicProfile
): ClinicProfileDraft => ({
  ...draftOf(other),
  printerName: shown.printerName,
  startScreen: shown.startScreen
})
