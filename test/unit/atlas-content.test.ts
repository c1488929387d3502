/**
 * The shipped atlas content (resources/content/muscles and acupoints), validated with the same
 * schemas the importer uses: the "done when" counts of issue 4.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { describe, expect, it } from 'vitest'
import { loadBuiltinAtlas } from '../../src/main/core/atlas/builtin-atlas'
import { acupointFileSchema, muscleFileSchema } from '../../src/shared/atlas/content-schema'
import type { AcupointFileEntry, MuscleFile } from '../../src/shared/atlas/content-schema'
import { isInsideSilhouette } from '../../src/shared/atlas/figure'
import { MERIDIANS } from '../../src/shared/atlas/meridians'
import { MUSCLE_REGIONS } from '../../src/shared/atlas/regions'

const RESOURCES = resolve(__dirname, '../../resources')
const MUSCLE_DIR = join(RESOURCES, 'content', 'muscles')
const POINT_DIR = join(RESOURCES, 'content', 'acupoints')

/** On the figure, or within `tolerance` of its edge (a marker on the outline is still on it). */
const onFigure = (view: 'front' | 'back', x: number, y: number, tolerance: number): boolean =>
  [
    [0, 0],
    [tolerance, 0],
    [-tolerance, 0],
    [0, tolerance],
    [0, -tolerance]
  ].some(([dx, dy]) => isInsideSilhouette(view, x + (dx ?? 0), y + (dy ?? 0)))

const yamlFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : []

function readMuscles(): MuscleFile[] {
  return yamlFiles(MUSCLE_DIR).map((file) => {
    const parsed = muscleFileSchema.safeParse(
      parseYaml(readFileSync(join(MUSCLE_DIR, file), 'utf8'))
    )
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`)
    return parsed.data
  })
}

function readPoints(): AcupointFileEntry[] {
  return yamlFiles(POINT_DIR).flatMap((file) => {
    const parsed = acupointFileSchema.safeParse(
      parseYaml(readFileSync(join(POINT_DIR, file), 'utf8'))
    )
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`)
    return parsed.data
  })
}

describe('shipped atlas content', () => {
  it('loads with no problem at all', () => {
    const loaded = loadBuiltinAtlas(RESOURCES)
    expect(loaded.problems).toEqual([])
  })

  it('ships at least 40 muscles, each with a trigger point, references and a region', () => {
    const muscles = readMuscles()
    expect(muscles.length).toBeGreaterThanOrEqual(40)
    for (const m of muscles) {
      expect(m.triggerPoints.length, m.id).toBeGreaterThanOrEqual(1)
      expect(m.references.length, m.id).toBeGreaterThanOrEqual(1)
    }
    // Only cranial-nerve muscles go without a spinal root.
    const rootless = muscles.filter((m) => m.innervation.roots.length === 0)
    for (const m of rootless)
      expect(m.innervation.nerve, m.id).toMatch(/cranial|CN [IVX]+|trigemin|facial/i)
    // Every region of the atlas has muscles.
    expect(new Set(muscles.map((m) => m.region))).toEqual(new Set(MUSCLE_REGIONS))
  })

  it('places every trigger-point marker and zone centre on the figure (or at its edge)', () => {
    const off: string[] = []
    for (const m of readMuscles()) {
      for (const tp of m.triggerPoints) {
        for (const mk of tp.markers) {
          if (!onFigure(mk.view, mk.x, mk.y, 3))
            off.push(`${tp.id} marker ${mk.view} ${mk.x},${mk.y}`)
        }
        for (const z of tp.referral.zones) {
          if (!onFigure(z.view, z.cx, z.cy, 6)) off.push(`${tp.id} zone ${z.view} ${z.cx},${z.cy}`)
        }
      }
    }
    expect(off).toEqual([])
  })

  it('ships the 361 classical points with the standard count on every channel', () => {
    const points = readPoints()
    expect(points).toHaveLength(361)
    const counts = Object.fromEntries(MERIDIANS.map((m) => [m.code, 0]))
    for (const p of points) counts[p.meridian] = (counts[p.meridian] ?? 0) + 1
    expect(counts).toEqual({
      LU: 11,
      LI: 20,
      ST: 45,
      SP: 21,
      HT: 9,
      SI: 19,
      BL: 67,
      KI: 27,
      PC: 9,
      TE: 23,
      GB: 44,
      LR: 14,
      GV: 28,
      CV: 24
    })
    // Numbered 1…n on each channel, no gaps, no repeats.
    for (const m of MERIDIANS) {
      const numbers = points.filter((p) => p.meridian === m.code).map((p) => p.number)
      expect(numbers.sort((a, b) => a - b)).toEqual(
        Array.from({ length: m.count }, (_, i) => i + 1)
      )
    }
    for (const p of points) expect(p.references.length, p.code).toBeGreaterThanOrEqual(1)
  })

  it('places at least 60 points on the body map, each on the figure', () => {
    const placed = readPoints().filter((p) => p.marker)
    expect(placed.length).toBeGreaterThanOrEqual(60)
    const off = placed.filter((p) => !onFigure(p.marker!.view, p.marker!.x, p.marker!.y, 3))
    expect(off.map((p) => p.code)).toEqual([])
  })

  it('flags the points traditionally avoided in pregnancy', () => {
    const byCode = new Map(readPoints().map((p) => [p.code, p]))
    for (const code of ['LI4', 'SP6', 'BL60', 'BL67', 'GB21']) {
      expect(byCode.get(code)?.flags, code).toContain('pregnancy')
    }
  })
})
