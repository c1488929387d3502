/**
 * The Chinese names of the 361 built-in points (issue 9): every point carries its simplified
 * characters and tone-marked pinyin, consistent with its toneless pinyin, and keeps its references.
 */
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadBuiltinAtlas } from '../../src/main/core/atlas/builtin-atlas'
import { acupointAliases, findAcupoints, foldName } from '../../src/shared/atlas/acupoint-code'

const points = loadBuiltinAtlas(resolve(__dirname, '../../resources')).acupoints.map(
  (item) => item.content
)
const HAN_ONLY = /^\p{Script=Han}+$/u

describe('acupoint Chinese names', () => {
  it('gives all 361 points simplified characters and tone-marked pinyin that folds to the pinyin', () => {
    expect(points).toHaveLength(361)
    for (const point of points) {
      expect(point.hanzi, point.code).toMatch(HAN_ONLY)
      expect(foldName(point.pinyinTones ?? ''), point.code).toBe(foldName(point.pinyin))
      expect(point.pinyinTones, point.code).not.toBe(point.pinyin)
      expect(point.references.length, point.code).toBeGreaterThan(0)
    }
  })

  it('keeps traditional and variant forms as aliases, never the simplified name twice', () => {
    const byCode = new Map(points.map((p) => [p.code, p]))
    expect(byCode.get('LI5')?.aliases).toContain('陽谿')
    expect(byCode.get('KI1')?.aliases).toContain('湧泉')
    expect(byCode.get('GV26')?.aliases).toEqual(expect.arrayContaining(['Renzhong', '人中']))
    expect(byCode.get('BL2')?.aliases).toEqual(expect.arrayContaining(['Zanzhu', '攢竹']))
    expect(byCode.get('CV17')?.aliases).toContain('Tanzhong')
    for (const point of points) expect(point.aliases ?? [], point.code).not.toContain(point.hanzi)
  })

  it('finds points by their characters, simplified or traditional, in the point finder', () => {
    expect(findAcupoints('合谷', points)[0]?.code).toBe('LI4')
    expect(findAcupoints('足三里', points)[0]?.code).toBe('ST36')
    expect(findAcupoints('崑崙', points)[0]?.code).toBe('BL60')
    expect(acupointAliases(points.find((p) => p.code === 'ST36')!)).toEqual(
      expect.arrayContaining(['足三里', 'Zúsānlǐ'])
    )
  })
})
