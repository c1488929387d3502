/**
 * The clinic's footer line, typed per handout language in Settings (opening hours, a reminder):
 * each sheet prints the line of its own language, none when that line is empty, so a French or
 * Chinese sheet never carries an English line. A profile saved before the lines were per
 * language has one line, which belongs to the clinic's default language.
 */
import { BUILTIN_HANDOUT_LANGS } from './languages'
import type { BuiltinHandoutLang } from './languages'

export type FooterLines = Partial<Record<BuiltinHandoutLang, string>>

export interface FooterLineSource {
  readonly footerLine: string
  readonly footerLines?: FooterLines
  /** Left out (an old print record), the single line prints on every sheet. */
  readonly defaultLang?: string
}

/** `fr` and `fr-CA` are one language for the footer line; `zh-Hans` and `zh-Hant` are not. */
export function sameLanguage(a: string, b: string): boolean {
  const [la = '', sa = ''] = a.toLowerCase().split('-')
  const [lb = '', sb = ''] = b.toLowerCase().split('-')
  if (la !== lb) return false
  const script = (s: string): string => (s.length === 4 ? s : '')
  return la !== 'zh' || script(sa) === script(sb) || script(sa) === '' || script(sb) === ''
}

/** The line a sheet in `lang` prints ('' for none). */
export function footerLineFor(profile: FooterLineSource, lang: string): string {
  const own = BUILTIN_HANDOUT_LANGS.find((l) => sameLanguage(l, lang))
  if (profile.footerLines !== undefined && own !== undefined) return profile.footerLines[own] ?? ''
  return profile.defaultLang === undefined || sameLanguage(profile.defaultLang, lang)
    ? profile.footerLine
    : ''
}

/** The line of each built-in language, for the Settings form (an old single line moves to its language). */
export function footerLinesOf(profile: FooterLineSource): Record<BuiltinHandoutLang, string> {
  const lines = { en: '', 'fr-CA': '', 'zh-Hans': '' }
  for (const lang of BUILTIN_HANDOUT_LANGS) lines[lang] = footerLineFor(profile, lang)
  return lines
}
