/**
 * The footer line per handout language (issue 10): each sheet prints the line typed for its own
 * language and none when that line is empty; a profile from before the lines were per language
 * keeps its single line on sheets in its default language.
 */
import { describe, expect, it } from 'vitest'
import { buildPrintDocument } from '../../src/main/core/print/document'
import type { PrintDocumentInput } from '../../src/main/core/print/document'
import { footerLineFor, footerLinesOf } from '../../src/shared/handouts/footer-line'
import { renderMarkdown } from '../../src/shared/markdown'

const LINES = {
  en: 'Open Monday to Friday',
  'fr-CA': 'Ouvert du lundi au vendredi',
  'zh-Hans': ''
}

const sheet = (lang: string, title: string) => ({
  id: `sheet-${lang}`,
  lang,
  title,
  body: 'Text.',
  version: 1,
  approval: null
})

const printed = (profile: Partial<PrintDocumentInput['profile']>, langs: string[]): string =>
  buildPrintDocument(
    {
      profile: {
        name: 'Harbourview Physio',
        address: '',
        phone: '',
        email: '',
        website: '',
        footerLine: '',
        logo: null,
        defaultLang: 'en',
        ...profile
      },
      items: langs.map((lang, n) => sheet(lang, `Sheet ${n}`)),
      paper: 'letter',
      largePrint: false,
      printedAt: new Date('2026-03-14T15:00:00Z')
    },
    (md) => renderMarkdown(md).html
  )

/** The text of each page footer (the page CSS's @bottom-left), in item order. */
const footers = (html: string): string[] =>
  Array.from(html.matchAll(/@bottom-left\{content:"([^"]*)"/g), (m) =>
    (m[1] ?? '').replace(/\\([0-9a-f]{1,6}) ?/gi, (_m, hex: string) =>
      String.fromCodePoint(parseInt(hex, 16))
    )
  )

describe('the footer line of each handout language', () => {
  it('prints the French line on a French sheet and the English line on an English one', () => {
    const [en, fr, zh] = footers(
      printed({ footerLine: LINES.en, footerLines: LINES }, ['en', 'fr-CA', 'zh-Hans'])
    )
    expect(en).toContain('Open Monday to Friday')
    expect(en).not.toContain('Ouvert')
    expect(fr).toContain('Ouvert du lundi au vendredi')
    expect(fr).not.toContain('Open Monday')
    // No Chinese line was typed: the Chinese sheet prints none (and never the English one).
    expect(zh).not.toContain('Open Monday')
    expect(zh).not.toContain('Ouvert')
  })

  it('keeps an old profile’s single line on sheets in its default language only', () => {
    const old = { footerLine: 'Bring this sheet to your next visit.', defaultLang: 'en' }
    const [en, fr] = footers(printed(old, ['en', 'fr-CA']))
    expect(en).toContain('Bring this sheet')
    expect(fr).not.toContain('Bring this sheet')
    expect(footerLinesOf(old)).toEqual({
      en: 'Bring this sheet to your next visit.',
      'fr-CA': '',
      'zh-Hans': ''
    })
    expect(footerLinesOf({ footerLine: 'Ouvert le samedi', defaultLang: 'fr-CA' })['fr-CA']).toBe(
      'Ouvert le samedi'
    )
  })

  it('matches a sheet’s language loosely (fr is fr-CA) but never zh-Hant for zh-Hans', () => {
    const profile = { footerLine: '', footerLines: { 'fr-CA': 'Ouvert', 'zh-Hans': '营业时间' } }
    expect(footerLineFor(profile, 'fr')).toBe('Ouvert')
    expect(footerLineFor(profile, 'zh-Hans')).toBe('营业时间')
    expect(footerLineFor(profile, 'zh-Hant')).toBe('')
    expect(footerLineFor(profile, 'en')).toBe('')
  })
})
