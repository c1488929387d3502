import type { ClinicProfileDraft } from '../../src/shared/api/settings'

/** A clinic profile saved the old way: one footer line, in its default language (French). */
export const ONE_LINE_PROFILE: ClinicProfileDraft = {
  name: 'Harbourview Physio',
  address: '',
  phone: '604-555-0142',
  email: '',
  website: '',
  practitioners: [],
  defaultPaper: 'letter',
  defaultLang: 'fr-CA',
  footerLine: 'Ouvert le samedi',
  printerName: null,
  startScreen: 'home'
}
