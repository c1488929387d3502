import { describe, expect, it } from 'vitest'
import { defaultPaperForLocale } from '../../src/shared/handouts/paper'
import { langLabel, printStrings, scriptOfLang } from '../../src/shared/handouts/languages'
import { defaultLangForLocale } from '../../src/main/core/settings/settings-service'

describe('first default paper size from the locale', () => {
  it.each([
    ['en-US', 'letter'],
    ['en-CA', 'letter'],
    ['fr-CA', 'letter'],
    ['es-MX', 'letter'],
    ['en', 'letter'],
    ['en-GB', 'a4'],
    ['fr-FR', 'a4'],
    ['fr', 'a4'],
    ['zh-CN', 'a4'],
    ['de-DE', 'a4'],
    ['', 'a4'],
    ['not a locale', 'a4']
  ])('%s → %s', (locale, paper) => {
    expect(defaultPaperForLocale(locale)).toBe(paper)
  })

  it('first default handout language follows the locale', () => {
    expect(defaultLangForLocale('fr-CA')).toBe('fr-CA')
    expect(defaultLangForLocale('zh-CN')).toBe('zh-Hans')
    expect(defaultLangForLocale('en-US')).toBe('en')
    expect(defaultLangForLocale('de-DE')).toBe('en')
  })
})

describe('languages', () => {
  it('knows which script to embed a font for', () => {
    expect(scriptOfLang('zh-Hans')).toBe('han-simplified')
    expect(scriptOfLang('fr-CA')).toBe('latin')
    expect(scriptOfLang('zh-Hant')).toBe('other')
  })

  it('labels languages, including ones a clinic adds', () => {
    expect(langLabel('fr-CA')).toContain('Français')
    expect(langLabel('es')).toMatch(/español/i)
  })

  it('prints page numbers in the handout language', () => {
    expect(printStrings('fr-CA').page('1', '2')).toBe('Page 1 de 2')
    expect(printStrings('zh-Hans').page('1', '2')).toBe('第 1 页，共 2 页')
    expect(printStrings('es').page('1', '2')).toBe('Page 1 of 2')
  })
})
