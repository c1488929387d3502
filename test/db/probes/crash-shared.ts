/**
 * Shared by crash-kill.test.ts and the writer it kills (crash-writer-probe.ts): the seeded random
 * numbers both use, the text of the articles the writer saves and the acknowledgement it prints.
 * Plain Node only: the writer runs outside vitest.
 */
import { createHash } from 'node:crypto'

export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max]. */
  int(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
}

/** mulberry32: small, fast and good enough to make a test repeatable. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T
  }
}

/** One save the core acknowledged (its call returned), as the writer prints it. */
export interface AckedSave {
  readonly id: string
  readonly revision: number
  readonly title: string
  readonly tags: readonly string[]
  readonly bodySha256: string
}

export const ACK_PREFIX = 'ack '

/** Printed once a whole-library import of IMPORT_NOTES notes returned: `imported <seed> <n>`. */
export const IMPORTED_PREFIX = 'imported '
export const IMPORT_NOTES = 4
export const importNoteId = (seed: string | number, n: number, k: number): string =>
  `imported-${seed}-${n}-${k}`

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

export const CRASH_TAGS = ['neck', 'shoulder', 'low-back', 'knee', 'headache', 'sciatica'] as const

const WORDS = [
  'needle',
  'trigger',
  'point',
  'muscle',
  'fascia',
  'tender',
  'referral',
  'pattern',
  'stimulation',
  'response',
  'patient',
  'session',
  'depth',
  'angle',
  'twitch',
  'release',
  'shortened',
  'paraspinal',
  'segment',
  'nerve',
  'root',
  'meridian',
  'channel',
  'acupoint',
  'treatment',
  'course',
  'review',
  'gentle',
  'deep',
  'superficial'
]

/**
 * An article body of a random size: mostly a few hundred words, sometimes a few thousand (up to
 * ~40 kB), so a commit may span many pages of the WAL when the kill lands.
 */
export function articleBody(random: Random, label: string): string {
  const roll = random.next()
  const words = roll < 0.9 ? random.int(20, 400) : random.int(1000, 5000)
  const parts: string[] = [`Saved as ${label}.`]
  for (let i = 0; i < words; i++) {
    parts.push(i % 12 === 11 ? `${random.pick(WORDS)}.\n` : random.pick(WORDS))
  }
  return parts.join(' ')
}
