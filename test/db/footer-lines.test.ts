/**
 * Settings → clinic profile keeps a footer line per handout language; a profile saved before
 * that (one line) stays valid and its line belongs to the default language.
 */
import { describe, expect, it } from 'vitest'
import { footerLinesOf } from '../../src/shared/handouts/footer-line'
import { apiErrorOf, call, openTestLibrary } from './helpers'
import { ONE_LINE_PROFILE } from './profile-fixture'

const profile = ONE_LINE_PROFILE

describe('footer lines per language', () => {
  it('reads a one-line profile as its default language’s line', async () => {
    const { library } = openTestLibrary()
    const saved = await call(library, 'settings:saveProfile', profile)
    expect(saved.footerLines).toBeUndefined()
    expect(footerLinesOf(saved)).toEqual({ en: '', 'fr-CA': 'Ouvert le samedi', 'zh-Hans': '' })
  })

  it('saves a line per language and keeps the single line as the default language’s', async () => {
    const { library, reopen } = openTestLibrary()
    const lines = { en: 'Open Saturdays', 'fr-CA': 'Ouvert le samedi', 'zh-Hans': '周六营业' }
    await call(library, 'settings:saveProfile', {
      ...profile,
      footerLine: 'stale',
      footerLines: lines
    })
    const again = await call(reopen().library, 'settings:getProfile', {})
    expect(again.footerLines).toEqual(lines)
    expect(again.footerLine).toBe('Ouvert le samedi')
  })

  it('refuses a line with control characters or an unknown language, with the reason', async () => {
    const { library } = openTestLibrary()
    const bad = await apiErrorOf(
      call(library, 'settings:saveProfile', { ...profile, footerLines: { en: 'a\u0007b' } })
    )
    expect(bad.message).toMatch(/English footer line contains invisible control characters/)
    const unknown = await apiErrorOf(
      call(library, 'settings:saveProfile', { ...profile, footerLines: { de: 'Hallo' } } as never)
    )
    expect(unknown.code).toBe('invalid_input')
  })
})
