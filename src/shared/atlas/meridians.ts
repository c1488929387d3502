/**
 * The fourteen channels of the 361 classical points (WHO standard nomenclature), with the number
 * of points on each and the other abbreviations practitioners write.
 */
export const MERIDIAN_CODES = [
  'LU',
  'LI',
  'ST',
  'SP',
  'HT',
  'SI',
  'BL',
  'KI',
  'PC',
  'TE',
  'GB',
  'LR',
  'GV',
  'CV'
] as const
export type MeridianCode = (typeof MERIDIAN_CODES)[number]

export interface MeridianInfo {
  readonly code: MeridianCode
  readonly name: string
  readonly count: number
  /**
   * Other ways the channel is abbreviated in English texts (lower case), e.g. SJ and TH for TE.
   * Single letters that also name spinal levels (C, T, L, S) are left out on purpose.
   */
  readonly aliases: readonly string[]
}

export const MERIDIANS: readonly MeridianInfo[] = [
  { code: 'LU', name: 'Lung', count: 11, aliases: ['lg'] },
  { code: 'LI', name: 'Large Intestine', count: 20, aliases: ['co'] },
  { code: 'ST', name: 'Stomach', count: 45, aliases: ['ma'] },
  { code: 'SP', name: 'Spleen', count: 21, aliases: [] },
  { code: 'HT', name: 'Heart', count: 9, aliases: ['h', 'he'] },
  { code: 'SI', name: 'Small Intestine', count: 19, aliases: [] },
  { code: 'BL', name: 'Bladder', count: 67, aliases: ['b', 'ub'] },
  { code: 'KI', name: 'Kidney', count: 27, aliases: ['k'] },
  { code: 'PC', name: 'Pericardium', count: 9, aliases: ['p', 'hc', 'pe', 'mc'] },
  { code: 'TE', name: 'Triple Energizer', count: 23, aliases: ['sj', 'th', 'tb', 'tw'] },
  { code: 'GB', name: 'Gallbladder', count: 44, aliases: ['g'] },
  { code: 'LR', name: 'Liver', count: 14, aliases: ['lv', 'liv'] },
  { code: 'GV', name: 'Governor Vessel', count: 28, aliases: ['du'] },
  { code: 'CV', name: 'Conception Vessel', count: 24, aliases: ['ren', 'rn'] }
]

export const MERIDIAN_BY_CODE: ReadonlyMap<string, MeridianInfo> = new Map(
  MERIDIANS.map((m) => [m.code, m])
)

/** Body regions a point's `region` may name. */
export const ACUPOINT_REGIONS = [
  'head',
  'neck',
  'chest',
  'abdomen',
  'back',
  'arm',
  'hand',
  'leg',
  'foot'
] as const

/** Safety flags a point may carry. */
export const ACUPOINT_FLAGS = ['pregnancy', 'chest-wall', 'vessel', 'nerve', 'eye'] as const

/** 361 points in all. */
export const ACUPOINT_TOTAL = MERIDIANS.reduce((sum, m) => sum + m.count, 0)
