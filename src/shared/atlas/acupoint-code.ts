import { MERIDIANS, MERIDIAN_BY_CODE } from './meridians'
import type { MeridianCode } from './meridians'

const ALIAS_TO_CODE: ReadonlyMap<string, MeridianCode> = new Map(
  MERIDIANS.flatMap((m) => [
    [m.code.toLowerCase(), m.code] as const,
    ...m.aliases.map((a) => [a, m.code] as const)
  ])
)

export interface AcupointCode {
  readonly meridian: MeridianCode
  readonly number: number
  /** The standard form: "LI4". */
  readonly code: string
}

/**
 * Reads a point code however it is written: "LI4", "LI 4", "li-4", "Li.04", "Co4", "SJ5", "Du20",
 * "Liv3". Returns null for anything that is not a code of one of the 361 points (also "LU12").
 */
export function parseAcupointCode(text: string): AcupointCode | null {
  const m = /^\s*([a-z]{1,3})\s*[-.\s_]?\s*0*(\d{1,2})\s*$/i.exec(text.normalize('NFKC'))
  if (!m) return null
  const meridian = ALIAS_TO_CODE.get((m[1] as string).toLowerCase())
  if (!meridian) return null
  const number = Number(m[2])
  const info = MERIDIAN_BY_CODE.get(meridian)
  if (!info || number < 1 || number > info.count) return null
  return { meridian, number, code: `${meridian}${number}` }
}

/** Lower case, accents and tone marks off, only letters and digits: "Hé Gǔ" → "hegu". */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

/** Every way a point is commonly written, for the search index (aliases) and lookups. */
export function acupointAliases(point: {
  code: string
  meridian: MeridianCode
  number: number
  pinyin: string
  english: string
  hanzi?: string | undefined
  pinyinTones?: string | undefined
  aliases?: readonly string[] | undefined
}): string[] {
  const info = MERIDIAN_BY_CODE.get(point.meridian)
  const prefixes = [point.meridian, ...(info?.aliases ?? []).map((a) => a.toUpperCase())]
  const forms = new Set<string>()
  for (const p of prefixes) {
    forms.add(`${p}${point.number}`)
    forms.add(`${p} ${point.number}`)
    forms.add(`${p}-${point.number}`)
  }
  forms.add(point.pinyin)
  if (point.pinyinTones) forms.add(point.pinyinTones)
  if (point.hanzi) forms.add(point.hanzi)
  forms.add(point.english)
  for (const alias of point.aliases ?? []) forms.add(alias)
  return [...forms]
}

interface Findable {
  code: string
  meridian: MeridianCode
  number: number
  pinyin: string
  english: string
  /** Variant readings and other names (BL2 Cuanzhu is also read Zanzhu). */
  aliases?: readonly string[] | undefined
  /** Chinese characters (simplified): "合谷" finds LI4. */
  hanzi?: string | null | undefined
}

/**
 * Points matching what was typed, best first: an exact code, then names that start with the text,
 * then names containing it. Names are compared folded ("he gu", "Hegu", "hégǔ" are the same).
 */
export function findAcupoints<T extends Findable>(query: string, points: readonly T[]): T[] {
  const trimmed = query.trim()
  if (trimmed === '') return [...points]
  const code = parseAcupointCode(trimmed)
  const folded = foldName(trimmed)
  const scored: { point: T; score: number; order: number }[] = []
  points.forEach((point, order) => {
    let score = Infinity
    if (code && point.code === code.code) score = 0
    else if (folded !== '') {
      const names = [
        point.pinyin,
        point.english,
        point.code,
        point.hanzi ?? '',
        ...(point.aliases ?? [])
      ].map(foldName)
      if (names.some((n) => n === folded)) score = 1
      else if (names.some((n) => n.startsWith(folded))) score = 2
      else if (names.some((n) => n.includes(folded))) score = 3
      else if (wordsMatch(trimmed, point)) score = 4
    }
    if (score !== Infinity) scored.push({ point, score, order })
  })
  scored.sort((a, b) => a.score - b.score || a.order - b.order)
  return scored.map((s) => s.point)
}

/** Every word of the query starts a word of the point's English or pinyin name. */
function wordsMatch(query: string, point: Findable): boolean {
  const words = query
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(foldName)
  const nameWords = [point.english, point.pinyin, ...(point.aliases ?? [])]
    .join(' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(foldName)
  return words.length > 0 && words.every((w) => nameWords.some((n) => n.startsWith(w)))
}

/** Sorts points in the standard order: by channel, then number. */
export function compareAcupoints(
  a: { meridian: MeridianCode; number: number },
  b: { meridian: MeridianCode; number: number }
): number {
  const order = (m: MeridianCode) => MERIDIANS.findIndex((x) => x.code === m)
  return order(a.meridian) - order(b.meridian) || a.number - b.number
}
