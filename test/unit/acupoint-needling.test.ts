/**
 * Issue 10 (richer point pages): every shipped point says how it is needled, shallow and angled
 * over the lung, with the cautions of the risky points; its location names the proportional cun
 * it is measured on. The schema keeps a clinic's own point without needling valid and refuses
 * bad needling data with a clear reason.
 */
import { describe, expect, it } from 'vitest'
import { acupointFileEntrySchema } from '../../src/shared/atlas/content-schema'
import { CUN_SEGMENT_KEYS, describeCunSegment } from '../../src/shared/atlas/cun'
import {
  acupointNeedlingFileSchema,
  describeAngles,
  describeDepth,
  toNeedlingView
} from '../../src/shared/atlas/needling'
import type { AcupointNeedling } from '../../src/shared/atlas/needling'
import { CLINIC_POINT, mustGet, shippedAcupoints } from './shipped-atlas'

const points = shippedAcupoints()
const needlingOf = (code: string): AcupointNeedling => {
  const needling = mustGet(points, code).needling
  if (!needling) throw new Error(`${code} has no needling`)
  return toNeedlingView(needling)
}

/** The deepest a point over the lung (or the heart, CV14–CV22) may be needled, in cun. */
const SHALLOW_MAX_CUN = 0.5

describe('needling of the 361 shipped points', () => {
  it('gives every point a valid needling field: angle and depth, or not needled and why', () => {
    expect(points.size).toBe(361)
    for (const [code, point] of points) {
      expect(point.needling, code).toBeDefined()
      const n = needlingOf(code)
      if (n.needled) {
        expect(n.angles.length, code).toBeGreaterThan(0)
        expect(n.depth, code).not.toBeNull()
      } else {
        expect(n.caution, code).toBeTruthy()
        expect(n.depth, code).toBeNull()
      }
    }
    const notNeedled = [...points.keys()].filter((code) => !needlingOf(code).needled)
    expect(notNeedled.sort()).toEqual(['CV8', 'ST17'])
  })

  it('needles every chest-wall point obliquely or transversely and shallowly, with the caution', () => {
    const chestWall = [...points.values()].filter((p) => p.flags.includes('chest-wall'))
    expect(chestWall.length).toBeGreaterThan(60)
    for (const { code } of chestWall) {
      const n = needlingOf(code)
      if (!n.needled) continue
      expect(n.angles, code).not.toContain('perpendicular')
      expect(n.depth?.max, code).toBeLessThanOrEqual(SHALLOW_MAX_CUN)
      expect(n.caution, code).toMatch(/never|only/i)
    }
    // Over the lung itself the caution names it.
    for (const code of ['LU1', 'KI25', 'BL13', 'BL43', 'GB21', 'SP21', 'ST12', 'TE15']) {
      expect(needlingOf(code).caution, code).toMatch(/lung|pleura/)
    }
  })

  it('gives the risky points their own cautions', () => {
    for (const code of ['GV15', 'GV16']) {
      const n = needlingOf(code)
      expect(n.caution, code).toMatch(/Never upward and never deep: the medulla/)
      expect(n.direction, code).toMatch(/never upward/)
      expect(n.depth?.max, code).toBeLessThanOrEqual(0.5)
    }
    for (const code of ['BL1', 'ST1']) {
      const n = needlingOf(code)
      expect(n.caution, code).toMatch(/^Special technique only/)
      expect(n.caution, code).toMatch(/without lifting, thrusting or rotating/)
      expect(n.note, code).toMatch(/only if trained/)
    }
    expect(needlingOf('CV22').caution).toMatch(/trachea/)
    expect(needlingOf('CV22').caution).toMatch(/Never angle sideways/)
    expect(needlingOf('ST9').caution).toMatch(/carotid/)
    expect(needlingOf('GB20').caution).toMatch(/vertebral artery/)
    expect(needlingOf('CV17').angles).toEqual(['transverse'])
  })

  it('gives every flagged point a needling caution, and says where texts differ', () => {
    for (const [code, point] of points) {
      if (point.flags.length > 0) expect(needlingOf(code).caution, code).toBeTruthy()
    }
    expect(needlingOf('LU1').note).toMatch(/Ranges differ between texts/)
    expect(needlingOf('ST36').note).toBeNull()
  })

  it('names the proportional cun of every location measured in cun', () => {
    for (const [code, point] of points) {
      // "0.1 cun from the corner of the nail" needs no body measure.
      const distances = [...point.location.matchAll(/(\d+(?:\.\d+)?) cun/g)].filter(
        (m) => m[1] !== '0.1'
      )
      if (distances.length > 0) expect(point.cun?.length ?? 0, code).toBeGreaterThan(0)
    }
    expect(mustGet(points, 'PC6').cun).toEqual(['forearm'])
    expect(mustGet(points, 'ST36').cun).toEqual(['lower-leg-lateral'])
  })

  it('bumps every point past its content version before needling, so unedited copies update', () => {
    for (const [code, point] of points) expect(point.contentVersion, code).toBeGreaterThanOrEqual(3)
  })
})

describe('the needling schema', () => {
  const base = CLINIC_POINT
  const issues = (needling: unknown): string[] => {
    const parsed = acupointNeedlingFileSchema.safeParse(needling)
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
  }

  it('keeps a clinic’s own point without needling or cun valid', () => {
    expect(acupointFileEntrySchema.safeParse(base).success).toBe(true)
  })

  it('accepts one angle or a list, and shows them in words', () => {
    const depth = { min: 0.3, max: 0.5, unit: 'cun' }
    expect(issues({ angle: 'oblique', depth })).toEqual([])
    const view = toNeedlingView(
      acupointNeedlingFileSchema.parse({ angle: ['oblique', 'transverse'], depth })
    )
    expect(describeAngles(view.angles)).toBe('Oblique or transverse')
    expect(describeDepth({ min: 0.3, max: 0.5, unit: 'cun' })).toBe('0.3–0.5 cun')
    expect(describeDepth({ min: 0.1, max: 0.1, unit: 'cun' })).toBe('0.1 cun')
  })

  it('refuses bad needling data with the reason', () => {
    expect(issues({ angle: 'oblique' })).toEqual([
      'depth: Needling needs an depth (or notNeedled: true).'
    ])
    expect(issues({ angle: 'oblique', depth: { min: 0.8, max: 0.5, unit: 'cun' } })).toEqual([
      'depth.min: The depth min must not be larger than max.'
    ])
    expect(issues({ angle: 'sideways', depth: { min: 0.3, max: 0.5, unit: 'cun' } })).toHaveLength(
      1
    )
    expect(issues({ angle: 'oblique', depth: { min: 0.3, max: 5, unit: 'cun' } })).toHaveLength(1)
    expect(issues({ angle: 'oblique', depth: { min: 0.3, max: 0.5, unit: 'mm' } })).toHaveLength(1)
    expect(issues({ notNeedled: true, depth: { min: 0.3, max: 0.5, unit: 'cun' } })).toEqual([
      'depth: A point that is not needled has no depth.',
      'caution: Say why the point is not needled in caution.'
    ])
    expect(
      issues({ angle: 'oblique', depth: { min: 0.3, max: 0.5, unit: 'cun' }, deep: 1 })
    ).toHaveLength(1)
    const badCun = acupointFileEntrySchema.safeParse({ ...base, cun: ['forearm', 'elbow'] })
    expect(badCun.success).toBe(false)
  })

  it('describes each proportional measure in one line', () => {
    expect(describeCunSegment('forearm')).toBe('Forearm: elbow crease to wrist crease = 12 cun')
    for (const key of CUN_SEGMENT_KEYS) expect(describeCunSegment(key)).toMatch(/= \d+ cun/)
  })
})
