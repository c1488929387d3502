/**
 * Issue 9, "the user's language first": with no language in the request, the core ranks the
 * clinic profile's default handout language first (then the app's English), on the real built-in
 * handouts, through the contract as the renderer calls it. Other languages stay in the list.
 */
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { call, openTestLibrary } from './helpers'
import { ONE_LINE_PROFILE } from './profile-fixture'

const ids = async (
  library: Parameters<typeof call>[0],
  input: { q: string; lang?: string }
): Promise<string[]> =>
  (await call(library, 'search:query', { ...input, limit: 20 })).hits.map(
    (hit) => `${hit.kind}:${hit.id}`
  )

describe('search in the clinic’s default handout language', () => {
  it('puts the French handout first for a French-default clinic, the English one still found', async () => {
    const { library } = openTestLibrary({ resourcesDir: resolve(__dirname, '../../resources') })
    // No profile saved on an English system: English first, as before.
    const before = await ids(library, { q: 'after IMS' })
    expect(before[0]).toBe('handout:after-ims/en')

    await call(library, 'settings:saveProfile', { ...ONE_LINE_PROFILE, defaultLang: 'fr-CA' })
    const french = await ids(library, { q: 'after IMS' })
    expect(french[0]).toBe('handout:after-ims/fr-CA')
    // The app's language comes next, then the others: every version is still there.
    expect(french.slice(1, 3)).toEqual(['handout:after-ims/en', 'handout:after-ims/zh-Hans'])
    expect(french).toContain('article:after-ims')
    // The same items as before, only the versions of the one handout reordered.
    expect([...french].sort()).toEqual([...before].sort())

    // A language named in the request still wins, and a query in Chinese wants the Chinese sheet.
    expect((await ids(library, { q: 'after IMS', lang: 'en' }))[0]).toBe('handout:after-ims/en')
    expect((await ids(library, { q: 'IMS 治疗' }))[0]).toBe('handout:after-ims/zh-Hans')
  })
})
