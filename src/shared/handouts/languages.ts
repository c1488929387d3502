/** Handout languages: the three we ship, and any BCP 47 tag a clinic adds. */
export const BUILTIN_HANDOUT_LANGS = ['en', 'fr-CA', 'zh-Hans'] as const
export type BuiltinHandoutLang = (typeof BUILTIN_HANDOUT_LANGS)[number]

/** A BCP 47 language tag in its usual letter case (`en`, `fr-CA`, `zh-Hans`, `pa-Guru-IN`). */
export const LANG_TAG_RE = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$/

const KNOWN_LABELS: Readonly<Record<string, string>> = {
  en: 'English',
  'fr-CA': 'Français (Canada)',
  'zh-Hans': '简体中文 (Simplified Chinese)'
}

/** A label in the language itself, with the English name where the script differs. */
export function langLabel(lang: string): string {
  const known = KNOWN_LABELS[lang]
  if (known !== undefined) return known
  try {
    const own = new Intl.DisplayNames([lang], { type: 'language' }).of(lang)
    const english = new Intl.DisplayNames(['en'], { type: 'language' }).of(lang)
    if (own === undefined) return lang
    return english !== undefined && english !== own ? `${own} (${english})` : own
  } catch {
    return lang
  }
}

/** Writing systems we embed a font for; anything else falls back to a system font. */
export type HandoutScript = 'latin' | 'han-simplified' | 'other'

export function scriptOfLang(lang: string): HandoutScript {
  const [language = '', second = ''] = lang.split('-')
  if (language === 'zh')
    return second === 'Hant' || second === 'TW' || second === 'HK' ? 'other' : 'han-simplified'
  const latinLanguages = ['en', 'fr', 'es', 'pt', 'it', 'de', 'nl', 'tl', 'vi', 'pl', 'ro', 'sv']
  return latinLanguages.includes(language) ? 'latin' : 'other'
}

export const isCjkLang = (lang: string): boolean => scriptOfLang(lang) === 'han-simplified'

/** Strings printed on the handout itself, in the handout's language (fallback: English). */
export interface PrintStrings {
  page: (n: string, m: string) => string
  version: string
  printed: string
  approvedBy: (by: string, on: string) => string
  /** Label before the patient's name, with its own punctuation ("For: ", "Pour : ", "患者："). */
  forPatient: string
  /** Label before the chosen practitioner's name, with its punctuation. */
  forPractitioner: string
  /** The clinic's name in header and footer while Settings still has none. */
  clinicPlaceholder: string
  /** The same inside a sentence ("Call the clinic at ____"). */
  clinicInText: string
  needsReview: string
}

const STRINGS: Readonly<Record<string, PrintStrings>> = {
  en: {
    page: (n, m) => `Page ${n} of ${m}`,
    version: 'Version',
    printed: 'Printed',
    approvedBy: (by, on) => `Approved by ${by} on ${on}`,
    forPatient: 'For: ',
    forPractitioner: 'Practitioner: ',
    clinicPlaceholder: 'Your clinic',
    clinicInText: 'the clinic',
    needsReview: 'Translation not yet reviewed by the clinic'
  },
  fr: {
    page: (n, m) => `Page ${n} de ${m}`,
    version: 'Version',
    printed: 'Imprimé le',
    approvedBy: (by, on) => `Approuvé par ${by} le ${on}`,
    forPatient: 'Pour\u00a0: ',
    forPractitioner: 'Praticien ou praticienne\u00a0: ',
    clinicPlaceholder: 'Votre clinique',
    clinicInText: 'la clinique',
    needsReview: 'Traduction pas encore révisée par la clinique'
  },
  zh: {
    page: (n, m) => `第 ${n} 页，共 ${m} 页`,
    version: '版本',
    printed: '打印日期',
    approvedBy: (by, on) => `审核：${by}（${on}）`,
    forPatient: '患者：',
    forPractitioner: '治疗师：',
    clinicPlaceholder: '您的诊所',
    clinicInText: '本诊所',
    needsReview: '译文尚未经诊所审核'
  }
}

export function printStrings(lang: string): PrintStrings {
  const language = lang.split('-')[0] ?? 'en'
  return STRINGS[language] ?? (STRINGS.en as PrintStrings)
}
