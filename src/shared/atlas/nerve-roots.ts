import { SPINE_LEVEL_Y } from './landmarks'

/** Segmental levels used by the IMS lookup, top to bottom. */
export const NERVE_ROOTS = [
  'C1',
  'C2',
  'C3',
  'C4',
  'C5',
  'C6',
  'C7',
  'C8',
  'T1',
  'T2',
  'T3',
  'T4',
  'T5',
  'T6',
  'T7',
  'T8',
  'T9',
  'T10',
  'T11',
  'T12',
  'L1',
  'L2',
  'L3',
  'L4',
  'L5',
  'S1',
  'S2'
] as const
export type NerveRoot = (typeof NERVE_ROOTS)[number]

const ROOT_INDEX: ReadonlyMap<string, number> = new Map(NERVE_ROOTS.map((r, i) => [r, i]))

export const isNerveRoot = (value: string): value is NerveRoot => ROOT_INDEX.has(value)

/** Sorts roots top to bottom and drops duplicates. */
export function sortRoots(roots: Iterable<NerveRoot>): NerveRoot[] {
  return [...new Set(roots)].sort((a, b) => (ROOT_INDEX.get(a) ?? 0) - (ROOT_INDEX.get(b) ?? 0))
}

/**
 * Reads roots as people write them: "C5-C6", "C5–6", "c5, c6", "L4 S1", "C5 to C7".
 * Unknown words are ignored; returns the roots sorted top to bottom.
 */
export function parseRoots(text: string): NerveRoot[] {
  const out: NerveRoot[] = []
  const re = /([cCtTlLsS])\s*(\d{1,2})(?:\s*(?:-|–|—|to)\s*([cCtTlLsS])?\s*(\d{1,2}))?/g
  for (const m of text.matchAll(re)) {
    const first = `${(m[1] as string).toUpperCase()}${Number(m[2])}`
    if (!isNerveRoot(first)) continue
    if (m[4] === undefined) {
      out.push(first)
      continue
    }
    const last = `${(m[3] ?? m[1] ?? '').toUpperCase()}${Number(m[4])}`
    if (!isNerveRoot(last)) {
      out.push(first)
      continue
    }
    const a = ROOT_INDEX.get(first) as number
    const b = ROOT_INDEX.get(last) as number
    for (let i = Math.min(a, b); i <= Math.max(a, b); i++) out.push(NERVE_ROOTS[i] as NerveRoot)
  }
  return sortRoots(out)
}

/** "C5, C6, C7" → "C5–C7"; "C5, C7" stays a list. */
export function formatRoots(roots: readonly NerveRoot[]): string {
  const sorted = sortRoots(roots)
  const runs: string[] = []
  let start = 0
  for (let i = 1; i <= sorted.length; i++) {
    const prev = ROOT_INDEX.get(sorted[i - 1] as NerveRoot) as number
    const cur = i < sorted.length ? (ROOT_INDEX.get(sorted[i] as NerveRoot) as number) : -2
    if (cur !== prev + 1) {
      const a = sorted[start] as NerveRoot
      const b = sorted[i - 1] as NerveRoot
      runs.push(a === b ? a : `${a}–${b}`)
      start = i
    }
  }
  return runs.join(', ')
}

export interface SpineBand {
  readonly root: NerveRoot
  /** Top and bottom of the band on the back view (y), halfway to the neighbouring levels. */
  readonly y0: number
  readonly y1: number
}

/** The height of a root's level on the back view; C8 (no vertebra of its own) sits at C7–T1. */
export function rootLevelY(root: NerveRoot): number {
  if (root === 'C8') return ((SPINE_LEVEL_Y.C7 as number) + (SPINE_LEVEL_Y.T1 as number)) / 2
  return SPINE_LEVEL_Y[root] as number
}

/**
 * The paraspinal band of a root on the back view: from halfway to the level above to halfway to
 * the level below, so the bands of neighbouring roots meet without overlapping.
 */
export function spineBand(root: NerveRoot): SpineBand {
  const i = ROOT_INDEX.get(root) as number
  const y = rootLevelY(root)
  const above = i > 0 ? rootLevelY(NERVE_ROOTS[i - 1] as NerveRoot) : y - 8
  const below = i < NERVE_ROOTS.length - 1 ? rootLevelY(NERVE_ROOTS[i + 1] as NerveRoot) : y + 14
  return { root, y0: (above + y) / 2, y1: (y + below) / 2 }
}
