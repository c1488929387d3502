import { describe, expect, it } from 'vitest'
import {
  acupointAliases,
  findAcupoints,
  foldName,
  parseAcupointCode
} from '../../src/shared/atlas/acupoint-code'
import { LANDMARKS, SPINE_LEVEL_Y } from '../../src/shared/atlas/landmarks'
import { ACUPOINT_TOTAL, MERIDIANS } from '../../src/shared/atlas/meridians'
import type { MeridianCode } from '../../src/shared/atlas/meridians'
import { formatRoots, NERVE_ROOTS, parseRoots, spineBand } from '../../src/shared/atlas/nerve-roots'
import type { NerveRoot } from '../../src/shared/atlas/nerve-roots'
import { normalisedDistance, searchFromPain } from '../../src/shared/atlas/pain-search'
import type { PainSearchMuscle } from '../../src/shared/atlas/pain-search'
import { lookupByRoots } from '../../src/shared/atlas/segmental'

const zone = (view: 'front' | 'back', cx: number, cy: number, rx: number, ry: number) => ({
  view,
  cx,
  cy,
  rx,
  ry
})

/** Small, made-up fixtures in body-map coordinates (front: patient's right at small x). */
const MUSCLES: (PainSearchMuscle & { roots: NerveRoot[] })[] = [
  {
    id: 'infraspinatus',
    name: 'Infraspinatus',
    roots: ['C5', 'C6'],
    // Referral drawn on the patient's right: deep front of the shoulder, down the front of the arm.
    triggerPoints: [
      {
        id: 'infraspinatus-1',
        zones: [zone('front', 112, 218, 16, 20), zone('front', 100, 290, 12, 40)]
      }
    ]
  },
  {
    id: 'scalenes',
    name: 'Scalenes',
    roots: ['C4', 'C5', 'C6', 'C7', 'C8'],
    triggerPoints: [{ id: 'scalenes-1', zones: [zone('front', 135, 240, 40, 45)] }]
  },
  {
    id: 'gluteus-medius',
    name: 'Gluteus medius',
    roots: ['L4', 'L5', 'S1'],
    triggerPoints: [{ id: 'gluteus-medius-1', zones: [zone('back', 230, 450, 30, 20)] }]
  },
  {
    id: 'rectus-abdominis',
    name: 'Rectus abdominis',
    roots: ['T7', 'T8', 'T9', 'T10', 'T11', 'T12'],
    triggerPoints: [{ id: 'rectus-abdominis-1', zones: [zone('back', 200, 360, 60, 12)] }]
  }
]

describe('normalised distance to a referral zone', () => {
  it('is 0 at the centre, 1 on the edge, and scales with the ellipse', () => {
    const z = zone('front', 100, 200, 10, 20)
    expect(normalisedDistance({ x: 100, y: 200 }, z)).toBe(0)
    expect(normalisedDistance({ x: 110, y: 200 }, z)).toBeCloseTo(1)
    expect(normalisedDistance({ x: 100, y: 220 }, z)).toBeCloseTo(1)
    expect(normalisedDistance({ x: 100, y: 240 }, z)).toBeCloseTo(2)
  })

  it('follows a rotated zone', () => {
    // A long thin zone turned 90°: its long axis now runs across.
    const z = { ...zone('front', 100, 200, 5, 30), rotate: 90 }
    expect(normalisedDistance({ x: 125, y: 200 }, z)).toBeLessThan(1)
    expect(normalisedDistance({ x: 100, y: 225 }, z)).toBeGreaterThan(1)
  })
})

describe('search from pain', () => {
  it('lists the muscles whose zones cover the front of the shoulder, nearest centre first', () => {
    const shoulder = LANDMARKS.find((l) => l.id === 'anterior-shoulder-r')!
    const ranked = searchFromPain(shoulder, MUSCLES)
    expect(ranked.map((m) => m.muscle.id)).toEqual(['infraspinatus', 'scalenes'])
    expect(ranked[0]!.distance).toBeLessThan(ranked[1]!.distance)
    expect(ranked[0]!.triggerPointIds).toEqual(['infraspinatus-1'])
  })

  it('finds a pattern drawn on one side when the pain is on the other (mirror image)', () => {
    const left = LANDMARKS.find((l) => l.id === 'anterior-shoulder-l')!
    const ranked = searchFromPain(left, MUSCLES)
    expect(ranked[0]?.muscle.id).toBe('infraspinatus')
    expect(ranked[0]?.mirrored).toBe(true)
    expect(searchFromPain(left, MUSCLES, { mirror: false })).toEqual([])
  })

  it('only compares zones of the same view, and a midline zone counts once', () => {
    const ranked = searchFromPain({ view: 'back', x: 200, y: 360 }, MUSCLES)
    expect(ranked.map((m) => m.muscle.id)).toEqual(['rectus-abdominis'])
    expect(ranked[0]?.zonesCovering).toBe(1)
    expect(searchFromPain({ view: 'front', x: 200, y: 360 }, MUSCLES)).toEqual([])
  })

  it('ranks a spot covered by more zones higher when distances tie, then by name', () => {
    const twin: PainSearchMuscle = {
      id: 'a-twin',
      name: 'A twin',
      triggerPoints: [
        { id: 'a-twin-1', zones: [zone('front', 50, 50, 10, 10)] },
        { id: 'a-twin-2', zones: [zone('front', 50, 50, 20, 20)] }
      ]
    }
    const single: PainSearchMuscle = {
      id: 'b-single',
      name: 'B single',
      triggerPoints: [{ id: 'b-single-1', zones: [zone('front', 50, 50, 10, 10)] }]
    }
    const ranked = searchFromPain({ view: 'front', x: 50, y: 50 }, [single, twin])
    expect(ranked.map((m) => m.muscle.id)).toEqual(['a-twin', 'b-single'])
    expect(ranked[0]?.zonesCovering).toBe(2)
  })

  it('keeps spots just outside a zone (up to the slack) but after every covered one', () => {
    const edge: PainSearchMuscle = {
      id: 'edge',
      name: 'Edge',
      triggerPoints: [{ id: 'edge-1', zones: [zone('front', 100, 100, 10, 10)] }]
    }
    const wide: PainSearchMuscle = {
      id: 'wide',
      name: 'Wide',
      triggerPoints: [{ id: 'wide-1', zones: [zone('front', 120, 100, 30, 30)] }]
    }
    const ranked = searchFromPain({ view: 'front', x: 111, y: 100 }, [edge, wide])
    expect(ranked.map((m) => m.muscle.id)).toEqual(['wide', 'edge'])
    expect(ranked[1]!.distance).toBeGreaterThan(1)
    expect(searchFromPain({ view: 'front', x: 113, y: 100 }, [edge])).toEqual([])
  })
})

describe('nerve roots and the segmental lookup', () => {
  it('reads roots however they are written', () => {
    expect(parseRoots('C5–C6')).toEqual(['C5', 'C6'])
    expect(parseRoots('c5-7')).toEqual(['C5', 'C6', 'C7'])
    expect(parseRoots('L4, S1 and L5')).toEqual(['L4', 'L5', 'S1'])
    expect(parseRoots('T12 to L2')).toEqual(['T12', 'L1', 'L2'])
    expect(parseRoots('C9 X3')).toEqual([])
  })

  it('writes runs of roots as ranges', () => {
    expect(formatRoots(['C6', 'C5', 'C7'])).toBe('C5–C7')
    expect(formatRoots(['C5', 'C7', 'T1'])).toBe('C5, C7, T1')
    expect(formatRoots(['L4'])).toBe('L4')
  })

  it('gives every root a paraspinal band on the back view that contains its level', () => {
    let previousBottom = 0
    for (const root of NERVE_ROOTS) {
      const band = spineBand(root)
      expect(band.y1).toBeGreaterThan(band.y0)
      expect(band.y0).toBeGreaterThanOrEqual(previousBottom - 0.001)
      const level = SPINE_LEVEL_Y[root]
      if (level !== undefined) {
        expect(level).toBeGreaterThanOrEqual(band.y0)
        expect(level).toBeLessThanOrEqual(band.y1)
      }
      previousBottom = band.y1
    }
  })

  it('lists the muscles a set of roots supplies, most matched roots first, with their bands', () => {
    const result = lookupByRoots(['C6', 'C5'], MUSCLES)
    expect(result.roots).toEqual(['C5', 'C6'])
    expect(result.muscles.map((m) => [m.muscle.id, m.matched])).toEqual([
      ['infraspinatus', ['C5', 'C6']],
      ['scalenes', ['C5', 'C6']]
    ])
    expect(result.paraspinal.map((b) => b.root)).toEqual(['C5', 'C6'])
    expect(lookupByRoots(['S2'], MUSCLES).muscles).toEqual([])
  })
})

describe('acupoint codes and names', () => {
  it('has 14 channels and 361 points', () => {
    expect(MERIDIANS).toHaveLength(14)
    expect(ACUPOINT_TOTAL).toBe(361)
  })

  it('reads a code however it is written', () => {
    for (const text of ['LI4', 'LI 4', 'li-4', 'Li.04', 'li4 ', 'Co4', 'LI_4']) {
      expect(parseAcupointCode(text)?.code, text).toBe('LI4')
    }
    expect(parseAcupointCode('SJ5')?.code).toBe('TE5')
    expect(parseAcupointCode('Du 20')?.code).toBe('GV20')
    expect(parseAcupointCode('Ren6')?.code).toBe('CV6')
    expect(parseAcupointCode('Liv3')?.code).toBe('LR3')
    expect(parseAcupointCode('P6')?.code).toBe('PC6')
    expect(parseAcupointCode('UB40')?.code).toBe('BL40')
  })

  it('refuses what is not one of the 361 points', () => {
    for (const text of ['LU12', 'HT0', 'XX4', 'C7', 'L4', 'LI', '4', 'LI4a', '']) {
      expect(parseAcupointCode(text), text).toBeNull()
    }
  })

  it('folds names: case, spaces, hyphens and tone marks do not matter', () => {
    expect(foldName('Hé Gǔ')).toBe('hegu')
    expect(foldName('Joining-Valley')).toBe('joiningvalley')
  })

  const POINTS = [
    {
      code: 'LI4',
      meridian: 'LI' as MeridianCode,
      number: 4,
      pinyin: 'Hegu',
      english: 'Joining Valley'
    },
    {
      code: 'LI11',
      meridian: 'LI' as MeridianCode,
      number: 11,
      pinyin: 'Quchi',
      english: 'Pool at the Crook'
    },
    {
      code: 'ST36',
      meridian: 'ST' as MeridianCode,
      number: 36,
      pinyin: 'Zusanli',
      english: 'Leg Three Miles'
    },
    {
      code: 'LI14',
      meridian: 'LI' as MeridianCode,
      number: 14,
      pinyin: 'Binao',
      english: 'Upper Arm'
    }
  ]

  it('finds a point by code, pinyin or English name, however written', () => {
    for (const q of ['LI4', 'LI 4', 'li-4', 'Hegu', 'he gu', 'Joining Valley', 'joining valley']) {
      expect(findAcupoints(q, POINTS)[0]?.code, q).toBe('LI4')
    }
    expect(findAcupoints('three miles', POINTS).map((p) => p.code)).toEqual(['ST36'])
    expect(findAcupoints('', POINTS)).toHaveLength(4)
    expect(findAcupoints('zzz', POINTS)).toEqual([])
  })

  it('indexes every common spelling of a point as an alias', () => {
    const aliases = acupointAliases(POINTS[0]!)
    expect(aliases).toEqual(
      expect.arrayContaining(['LI4', 'LI 4', 'LI-4', 'CO4', 'Hegu', 'Joining Valley'])
    )
  })
})
