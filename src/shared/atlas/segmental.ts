/**
 * Segmental lookup for IMS: given one or more nerve roots, the muscles they supply and the
 * paraspinal level of each root (in Gunn's approach the paraspinal muscles at the same segment are
 * needled with the limb muscles).
 */
import { NERVE_ROOTS, sortRoots, spineBand } from './nerve-roots'
import type { NerveRoot, SpineBand } from './nerve-roots'

export interface SegmentalMuscle {
  readonly id: string
  readonly name: string
  readonly roots: readonly NerveRoot[]
}

export interface SegmentalMatch<M extends SegmentalMuscle> {
  readonly muscle: M
  /** The chosen roots that supply it, top to bottom. */
  readonly matched: readonly NerveRoot[]
}

export interface SegmentalLookup<M extends SegmentalMuscle> {
  readonly roots: readonly NerveRoot[]
  /** Muscles supplied by any chosen root: most matched roots first, then by name. */
  readonly muscles: readonly SegmentalMatch<M>[]
  /** One band per chosen root on the back view. */
  readonly paraspinal: readonly SpineBand[]
}

export function lookupByRoots<M extends SegmentalMuscle>(
  roots: readonly NerveRoot[],
  muscles: readonly M[]
): SegmentalLookup<M> {
  const chosen = sortRoots(roots.filter((r) => (NERVE_ROOTS as readonly string[]).includes(r)))
  const set = new Set<NerveRoot>(chosen)
  const matches: SegmentalMatch<M>[] = []
  for (const muscle of muscles) {
    const matched = sortRoots(muscle.roots.filter((r) => set.has(r)))
    if (matched.length > 0) matches.push({ muscle, matched })
  }
  matches.sort(
    (a, b) => b.matched.length - a.matched.length || a.muscle.name.localeCompare(b.muscle.name)
  )
  return { roots: chosen, muscles: matches, paraspinal: chosen.map(spineBand) }
}
