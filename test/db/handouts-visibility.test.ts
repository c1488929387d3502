import { resolve } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION, databasePath } from '../../src/main/core'
import { FRONT_DESK_HANDOUTS, HANDOUT_PACKS } from '../../src/shared/handouts/packs'
import { apiErrorOf, call, openTestLibrary, tempDir } from './helpers'
import { fakePorts, writeBuiltinHandout } from './handouts-fixtures'
import type { TestLibrary } from './helpers'

/**
 * A clinic hides handouts it does not use (docs/handouts.md, "Hidden from the front desk"): the
 * core leaves them out of the front desk's singles and packs; the Handouts list, search and
 * printing keep them.
 */
const REAL_RESOURCES = resolve(__dirname, '../../resources')

const PACK_HANDOUTS = [
  'first-ims-visit',
  'after-ims',
  'acupuncture-vs-ims',
  'first-acupuncture-visit',
  'after-acupuncture'
]

/** The handouts both packs use, plus an optional one, as built-in files. */
function packLibrary(): TestLibrary {
  const first = openTestLibrary()
  for (const id of PACK_HANDOUTS) writeBuiltinHandout(first.resourcesDir, { id, title: `T ${id}` })
  writeBuiltinHandout(first.resourcesDir, { id: 'after-cupping', title: 'Cups', optional: true })
  return first.reopen()
}

const frontDeskIds = async (t: TestLibrary) => {
  const desk = await call(t.library, 'handouts:frontDesk', {})
  return {
    singles: desk.handouts.map((h) => h.id),
    packs: Object.fromEntries(desk.packs.map((p) => [p.id, p.handoutIds])),
    desk
  }
}

describe('built-in handouts at the front desk', () => {
  it('marks only cupping and moxibustion optional, hides nothing, and offers everything in front-desk order', async () => {
    const opened = openTestLibrary({ resourcesDir: REAL_RESOURCES })
    const list = await call(opened.library, 'handouts:list', {})
    expect(list.filter((h) => h.optional).map((h) => h.id)).toEqual([
      'after-cupping',
      'after-moxibustion'
    ])
    expect(list.some((h) => h.hiddenFromFrontDesk)).toBe(false)
    const { singles, packs } = await frontDeskIds(opened)
    expect(singles).toEqual(FRONT_DESK_HANDOUTS)
    expect(packs).toEqual(Object.fromEntries(HANDOUT_PACKS.map((p) => [p.id, p.handoutIds])))
    const handout = await call(opened.library, 'handouts:get', {
      id: 'after-cupping',
      lang: 'fr-CA'
    })
    expect(handout).toMatchObject({ optional: true, hiddenFromFrontDesk: false })
  })

  it('a hidden handout leaves the front desk but stays listed, searchable and printable, after a reopen too', async () => {
    const fake = fakePorts({ savePath: resolve(tempDir('pointbook-pdf-'), 'moxa') })
    const opened = openTestLibrary({
      resourcesDir: REAL_RESOURCES,
      extra: { platform: fake.ports }
    })
    expect(
      await call(opened.library, 'handouts:setHidden', { id: 'after-moxibustion', hidden: true })
    ).toEqual({ id: 'after-moxibustion', hiddenFromFrontDesk: true })

    const again = opened.reopen()
    // As the shell does after the first screen (printing logs the job, a write).
    expect(again.library.verifyIntegrity()).toBe('verified')
    const { singles } = await frontDeskIds(again)
    expect(singles).toEqual(FRONT_DESK_HANDOUTS.filter((id) => id !== 'after-moxibustion'))
    const listed = await call(again.library, 'handouts:list', {})
    expect(listed.find((h) => h.id === 'after-moxibustion')).toMatchObject({
      optional: true,
      hiddenFromFrontDesk: true
    })
    for (const lang of ['en', 'fr-CA', 'zh-Hans']) {
      const handout = await call(again.library, 'handouts:get', { id: 'after-moxibustion', lang })
      expect(handout.hiddenFromFrontDesk, lang).toBe(true)
    }
    const found = await call(again.library, 'search:query', {
      q: 'moxibustion',
      kinds: ['handout']
    })
    expect(found.hits.map((h) => h.id)).toContain('after-moxibustion/en')
    const saved = await call(again.library, 'handouts:savePdf', {
      items: [{ id: 'after-moxibustion', lang: 'en' }],
      paper: 'letter',
      largePrint: false,
      copies: 1
    })
    expect(saved.status).toBe('saved')

    await call(again.library, 'handouts:setHidden', { id: 'after-moxibustion', hidden: false })
    expect((await frontDeskIds(again)).singles).toEqual(FRONT_DESK_HANDOUTS)
  })
})

describe('packs without hidden handouts', () => {
  it('drop a hidden handout and keep their order, describing what is left', async () => {
    const t = packLibrary()
    await call(t.library, 'handouts:setHidden', { id: 'acupuncture-vs-ims', hidden: true })
    const { packs, desk, singles } = await frontDeskIds(t)
    expect(packs).toEqual({
      'ims-first-visit': ['first-ims-visit', 'after-ims'],
      'acupuncture-first-visit': ['first-acupuncture-visit', 'after-acupuncture']
    })
    expect(desk.packs.find((p) => p.id === 'ims-first-visit')?.description).toBe(
      'T first-ims-visit, T after-ims'
    )
    expect(singles).not.toContain('acupuncture-vs-ims')
  })

  it('never start with the comparison sheet: a pack left with one handout is not offered', async () => {
    const t = packLibrary()
    await call(t.library, 'handouts:setHidden', { id: 'first-ims-visit', hidden: true })
    expect((await frontDeskIds(t)).packs['ims-first-visit']).toEqual([
      'after-ims',
      'acupuncture-vs-ims'
    ])
    await call(t.library, 'handouts:setHidden', { id: 'after-ims', hidden: true })
    const { packs } = await frontDeskIds(t)
    expect(packs['ims-first-visit']).toBeUndefined()
    expect(packs['acupuncture-first-visit']).toEqual(
      HANDOUT_PACKS.find((p) => p.id === 'acupuncture-first-visit')?.handoutIds
    )
  })

  it('keeps the full description when nothing is hidden', async () => {
    const { desk } = await frontDeskIds(packLibrary())
    expect(desk.packs.map((p) => p.description)).toEqual(HANDOUT_PACKS.map((p) => p.description))
  })
})

describe('any handout can be hidden', () => {
  it("a clinic's own handout: not optional, offered after the built-in ones, hidden like them", async () => {
    const t = packLibrary()
    const mine = await call(t.library, 'handouts:create', {
      title: 'Aaa parking',
      summary: '',
      body: 'Park behind {{clinic.name}}.',
      lang: 'en'
    })
    const { singles } = await frontDeskIds(t)
    expect(singles.at(-1)).toBe(mine.id)
    expect(mine).toMatchObject({ optional: false, hiddenFromFrontDesk: false })
    expect(
      (await call(t.library, 'handouts:list', {})).find((h) => h.id === 'after-cupping')?.optional
    ).toBe(true)
    await call(t.library, 'handouts:setHidden', { id: mine.id, hidden: true })
    // Hiding twice is the same as once; editing the text keeps it hidden.
    await call(t.library, 'handouts:setHidden', { id: mine.id, hidden: true })
    await call(t.library, 'handouts:save', {
      id: mine.id,
      lang: 'en',
      baseVersion: 1,
      title: 'Aaa parking',
      summary: '',
      body: 'Park behind the building.'
    })
    expect((await frontDeskIds(t)).singles).not.toContain(mine.id)
    expect(
      (await call(t.library, 'handouts:get', { id: mine.id, lang: 'en' })).hiddenFromFrontDesk
    ).toBe(true)
  })

  it('refuses an unknown handout and changes nothing', async () => {
    const t = packLibrary()
    const error = await apiErrorOf(
      call(t.library, 'handouts:setHidden', { id: 'no-such-handout', hidden: true })
    )
    expect(error.code).toBe('not_found')
    expect((await frontDeskIds(t)).singles).toHaveLength(PACK_HANDOUTS.length + 1)
  })
})

describe('upgrade', () => {
  it('a library from before hiding (schema 5) gets the table, with every handout shown', async () => {
    const t = packLibrary()
    await call(t.library, 'handouts:setHidden', { id: 'after-ims', hidden: true })
    t.library.close()
    // Back to schema 5: as a library saved by the previous version would be.
    const raw = new Database(databasePath(t.dataDir))
    raw.exec('DROP TABLE hidden_handouts')
    raw.pragma('user_version = 5')
    raw.close()
    const upgraded = t.reopen()
    expect(upgraded.library.info().schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    const { singles } = await frontDeskIds(upgraded)
    expect(singles).toContain('after-ims')
    await call(upgraded.library, 'handouts:setHidden', { id: 'after-ims', hidden: true })
    expect((await frontDeskIds(upgraded)).singles).not.toContain('after-ims')
  })
})
