import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { apiErrorOf, call, openTestLibrary } from './helpers'
import { muscleFixture, writeAtlasFixtures, writeMuscle, writePoints } from './atlas-fixtures'

const REAL_RESOURCES = resolve(__dirname, '../../resources')

function fixtureLibrary() {
  const first = openTestLibrary()
  writeAtlasFixtures(first.resourcesDir)
  return first.reopen()
}

describe('atlas import and lookups', () => {
  it('imports muscles and points from the files, with their fields and builtin status', async () => {
    const { library, warnings } = fixtureLibrary()
    expect(warnings.filter((w) => /muscle|acupoint/i.test(w))).toEqual([])
    const muscles = await call(library, 'atlas:muscles', {})
    expect(muscles.map((m) => m.id)).toEqual(['gluteus-medius', 'infraspinatus', 'upper-trapezius'])
    const trap = await call(library, 'atlas:muscle', { id: 'upper-trapezius' })
    expect(trap).toMatchObject({
      name: 'Upper trapezius',
      aliases: ['Trapezius (upper fibres)'],
      region: 'head-neck',
      innervation: { nerve: 'Spinal accessory nerve', roots: ['C3', 'C4'] },
      flags: ['pneumothorax'],
      isBuiltin: true
    })
    expect(trap.triggerPoints[0]?.referral.zones).toHaveLength(1)
    expect(trap.references[0]?.title).toMatch(/Trigger Point Manual/)
    expect(await call(library, 'atlas:muscles', { region: 'hip' })).toHaveLength(1)
    const missing = await apiErrorOf(call(library, 'atlas:muscle', { id: 'nope' }))
    expect(missing.code).toBe('not_found')
  })

  it('gives the map every muscle with markers and zones, and only the placed points', async () => {
    const { library } = fixtureLibrary()
    const map = await call(library, 'atlas:map', {})
    expect(map.muscles).toHaveLength(3)
    expect(map.acupoints.map((p) => p.code)).toEqual(['LI4', 'ST36'])
    expect(map.acupoints[0]?.flags).toEqual(['pregnancy'])
  })

  it('searches from pain: the front of the shoulder finds infraspinatus', async () => {
    const { library } = fixtureLibrary()
    const right = await call(library, 'atlas:fromPain', { view: 'front', x: 115, y: 215 })
    expect(right.map((c) => c.muscleId)).toEqual(['infraspinatus'])
    expect(right[0]).toMatchObject({ zonesCovering: 1, mirrored: false })
    // The other shoulder: the same pattern in mirror image.
    const left = await call(library, 'atlas:fromPain', { view: 'front', x: 285, y: 215 })
    expect(left[0]).toMatchObject({ muscleId: 'infraspinatus', mirrored: true })
    // A region filter narrows the candidates.
    expect(
      await call(library, 'atlas:fromPain', { view: 'front', x: 115, y: 215, region: 'hip' })
    ).toEqual([])
    const bad = await apiErrorOf(
      call(library, 'atlas:fromPain', { view: 'side' as 'front', x: 1, y: 1 })
    )
    expect(bad.code).toBe('invalid_input')
  })

  it('looks muscles up by nerve root, with the paraspinal band of each root', async () => {
    const { library } = fixtureLibrary()
    const result = await call(library, 'atlas:byRoots', { roots: ['C6', 'C5'] })
    expect(result.roots).toEqual(['C5', 'C6'])
    expect(result.muscles.map((m) => [m.muscleId, m.matched])).toEqual([
      ['infraspinatus', ['C5', 'C6']]
    ])
    expect(result.paraspinal.map((b) => b.root)).toEqual(['C5', 'C6'])
    const lumbar = await call(library, 'atlas:byRoots', { roots: ['L5'] })
    expect(lumbar.muscles.map((m) => m.muscleId)).toEqual(['gluteus-medius'])
    expect((await apiErrorOf(call(library, 'atlas:byRoots', { roots: [] }))).code).toBe(
      'invalid_input'
    )
  })

  it('opens a point by its code written any way, and finds it by name', async () => {
    const { library } = fixtureLibrary()
    for (const code of ['LI4', 'li 4', 'li-4', 'Co4']) {
      const point = await call(library, 'acupoints:get', { code })
      expect(point.pinyin, code).toBe('Hegu')
      expect(point.flags).toEqual(['pregnancy'])
      expect(point.flagNotes).toMatch(/pregnancy/)
    }
    expect((await apiErrorOf(call(library, 'acupoints:get', { code: 'LI99' }))).code).toBe(
      'not_found'
    )
    const found = await call(library, 'acupoints:find', { q: 'joining valley' })
    expect(found.map((p) => p.code)).toEqual(['LI4'])
    const channel = await call(library, 'acupoints:list', { meridian: 'LI' })
    expect(channel.map((p) => p.code)).toEqual(['LI4', 'LI11'])
  })

  it('puts muscles, trigger points and points in the one search, with their safety flags', async () => {
    const { library } = fixtureLibrary()
    for (const q of ['li 4', 'LI4', 'li-4', 'Hegu', 'Joining Valley']) {
      const { hits } = await call(library, 'search:query', { q })
      expect(hits[0], q).toMatchObject({ kind: 'acupoint', id: 'LI4', flags: ['pregnancy'] })
    }
    const trap = await call(library, 'search:query', { q: 'trapezius' })
    const muscleHit = trap.hits.find((h) => h.kind === 'muscle')
    expect(muscleHit).toMatchObject({ id: 'upper-trapezius', flags: ['pneumothorax'] })
    const tpHit = (await call(library, 'search:query', { q: 'temple' })).hits.find(
      (h) => h.kind === 'trigger-point'
    )
    expect(tpHit).toMatchObject({
      id: 'upper-trapezius-1',
      parent: { kind: 'muscle', id: 'upper-trapezius', title: 'Upper trapezius' },
      flags: ['pneumothorax']
    })
  })

  it('a reopen changes nothing; a newer file updates the muscle and its search entries', async () => {
    const opened = fixtureLibrary()
    const again = opened.reopen()
    expect((await call(again.library, 'atlas:muscles', {})).length).toBe(3)
    writeMuscle(
      again.resourcesDir,
      muscleFixture('infraspinatus', {
        name: 'Infraspinatus',
        contentVersion: 2,
        action: 'Externally rotates the arm.',
        triggerPoints: [
          {
            id: 'infraspinatus-2',
            name: 'Infraspinatus, lateral point',
            location: 'Lateral fossa.',
            markers: [{ view: 'back', x: 265, y: 265 }],
            referral: {
              description: 'Front of the shoulder.',
              zones: [{ view: 'front', cx: 115, cy: 215, rx: 16, ry: 18 }]
            }
          }
        ]
      })
    )
    const third = again.reopen()
    const muscle = await call(third.library, 'atlas:muscle', { id: 'infraspinatus' })
    expect(muscle.contentVersion).toBe(2)
    expect(muscle.triggerPoints.map((t) => t.id)).toEqual(['infraspinatus-2'])
    const { hits } = await call(third.library, 'search:query', {
      q: 'infraspinatus',
      kinds: ['trigger-point']
    })
    expect(hits.map((h) => h.id)).toEqual(['infraspinatus-2'])
  })

  it('reports a bad file and still imports the rest', async () => {
    const first = openTestLibrary()
    writeAtlasFixtures(first.resourcesDir)
    writeMuscle(first.resourcesDir, { ...muscleFixture('broken'), references: [] })
    writeMuscle(first.resourcesDir, muscleFixture('other-name'), 'misnamed.yaml')
    writePoints(first.resourcesDir, 'XX', [])
    const { library, warnings } = first.reopen()
    expect(warnings.some((w) => w.includes('broken.yaml') && w.includes('references'))).toBe(true)
    expect(warnings.some((w) => w.includes('misnamed.yaml'))).toBe(true)
    expect(warnings.some((w) => w.includes('XX.yaml'))).toBe(true)
    expect((await call(library, 'atlas:muscles', {})).length).toBe(3)
  })
})

describe('the shipped atlas in a library', () => {
  it('imports every shipped muscle and all 361 points without a warning', async () => {
    const { library, warnings } = openTestLibrary({ resourcesDir: REAL_RESOURCES })
    expect(warnings.filter((w) => /muscle|acupoint/i.test(w))).toEqual([])
    expect((await call(library, 'atlas:muscles', {})).length).toBeGreaterThanOrEqual(40)
    expect((await call(library, 'acupoints:list', {})).length).toBe(361)
    const map = await call(library, 'atlas:map', {})
    expect(map.acupoints.length).toBeGreaterThanOrEqual(60)
  })

  it('finds infraspinatus from pain at the front of the shoulder', async () => {
    const { library } = openTestLibrary({ resourcesDir: REAL_RESOURCES })
    const ranked = await call(library, 'atlas:fromPain', { view: 'front', x: 115, y: 215 })
    expect(ranked.map((c) => c.muscleId)).toContain('infraspinatus')
  })

  it('lists the C5–C6 muscles, among them infraspinatus and supraspinatus', async () => {
    const { library } = openTestLibrary({ resourcesDir: REAL_RESOURCES })
    const result = await call(library, 'atlas:byRoots', { roots: ['C5', 'C6'] })
    const ids = result.muscles.map((m) => m.muscleId)
    expect(ids).toEqual(expect.arrayContaining(['infraspinatus', 'supraspinatus']))
  })

  it('"li 4" finds Hegu first, flagged for pregnancy', async () => {
    const { library } = openTestLibrary({ resourcesDir: REAL_RESOURCES })
    const { hits } = await call(library, 'search:query', { q: 'li 4' })
    expect(hits[0]).toMatchObject({ kind: 'acupoint', id: 'LI4' })
    expect(hits[0]?.flags).toContain('pregnancy')
  })
})
