/**
 * Scores the relevance set (search-relevance-cases.ts) against a search function: success@1 (an
 * acceptable item first), success@3 (one in the first three), MRR (the mean of 1 / the place of
 * the first acceptable item in the first ten, 0 when none), and a case passes when an acceptable
 * item is within its `within`. For a topic, a trigger point of an acceptable muscle is acceptable
 * too ("headache" → a temporalis trigger point); an identity needs the item itself.
 */
import type { RelevanceCase } from './search-relevance-cases'

export interface CaseOutcome {
  readonly q: string
  readonly within: 1 | 3
  /** 1-based place of the first acceptable hit, or null when none is in the first ten. */
  readonly place: number | null
  readonly passed: boolean
  readonly top: readonly string[]
}

export interface RelevanceReport {
  readonly cases: number
  readonly passRate: number
  readonly successAt1: number
  readonly successAt3: number
  readonly mrr: number
  readonly failures: readonly CaseOutcome[]
}

export const RELEVANCE_DEPTH = 10

interface Hit {
  readonly kind: string
  readonly id: string
  readonly parent?: { readonly kind: string; readonly id: string } | null
}

export async function scoreRelevance(
  cases: readonly RelevanceCase[],
  search: (q: string) => Promise<readonly Hit[]>
): Promise<RelevanceReport> {
  const outcomes: CaseOutcome[] = []
  for (const c of cases) {
    const found = (await search(c.q)).slice(0, RELEVANCE_DEPTH)
    const hits = found.map((h) => `${h.kind}:${h.id}`)
    const index = found.findIndex(
      (h) =>
        c.accept.includes(`${h.kind}:${h.id}`) ||
        (c.within > 1 && h.parent != null && c.accept.includes(`${h.parent.kind}:${h.parent.id}`))
    )
    const place = index < 0 ? null : index + 1
    outcomes.push({
      q: c.q,
      within: c.within,
      place,
      passed: place !== null && place <= c.within,
      top: hits.slice(0, 3)
    })
  }
  const share = (ok: (o: CaseOutcome) => boolean): number =>
    outcomes.filter(ok).length / outcomes.length
  return {
    cases: outcomes.length,
    passRate: share((o) => o.passed),
    successAt1: share((o) => o.place === 1),
    successAt3: share((o) => o.place !== null && o.place <= 3),
    mrr:
      outcomes.reduce((sum, o) => sum + (o.place === null ? 0 : 1 / o.place), 0) / outcomes.length,
    failures: outcomes.filter((o) => !o.passed)
  }
}
