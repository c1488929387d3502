/**
 * The order of search hits (issue 9). What an item is called beats what its text mentions:
 *
 * | tier | what matched |
 * | --- | --- |
 * | 0 | the whole query is one of the item's names ("KI1", "合谷", "upper trapezius", "lats") |
 * | 1 | the query starts one of its names ("trap", "li"), or a shipped synonym or nerve-root query leads to it ("tennis elbow", "C5-C6") |
 * | 2 | a run of the query's words is a muscle's or point's name ("bl 40 neck", "st36 li4") |
 * | 3 | every word is in its text (FTS5 bm25, title ten times the body) |
 * | 4 | some words are in its text (the fallback when all-words finds little), most words first |
 *
 * Within a tier: identity hits by weight (an item's own name before a part's) and then by the
 * order the tier gives (shortest name, synonym order); text hits by words matched, then bm25.
 */
export const TIER = {
  exact: 0,
  lead: 1,
  contained: 2,
  allWords: 3,
  someWords: 4
} as const
export type Tier = (typeof TIER)[keyof typeof TIER]

export interface RankedCandidate {
  readonly docId: number
  readonly tier: Tier
  /** Lower first: the identity weight, or minus the words matched in the fallback. */
  readonly primary: number
  /** Lower first: the tier's own order (name length, list order) or the place in bm25 order. */
  readonly secondary: number
}

/** Keeps each document's best placement (lowest tier, then lowest keys). */
export function bestPlacements(candidates: Iterable<RankedCandidate>): RankedCandidate[] {
  const best = new Map<number, RankedCandidate>()
  for (const candidate of candidates) {
    const known = best.get(candidate.docId)
    if (!known || compareCandidates(candidate, known) < 0) best.set(candidate.docId, candidate)
  }
  return [...best.values()].sort(compareCandidates)
}

export const compareCandidates = (a: RankedCandidate, b: RankedCandidate): number =>
  a.tier - b.tier || a.primary - b.primary || a.secondary - b.secondary || a.docId - b.docId

/** A handout's search id is `<handout>/<lang>`; other kinds have no language of their own. */
export interface LanguageTagged {
  readonly kind: string
  readonly id: string
  /** The hit's tier: a version that matched only some words never moves past one that matched all. */
  readonly tier: Tier
}

const handoutLanguage = (hit: LanguageTagged): { base: string; lang: string } | null => {
  if (hit.kind !== 'handout') return null
  const slash = hit.id.lastIndexOf('/')
  return slash < 0 ? null : { base: hit.id.slice(0, slash), lang: hit.id.slice(slash + 1) }
}

/** "en" matches "en" and "en-CA"; "zh-Hans" matches "zh" and "zh-Hans". */
const sameLanguage = (lang: string, wanted: string): boolean =>
  lang.toLowerCase().split('-')[0] === wanted.toLowerCase().split('-')[0]

/**
 * The user's language first, for the same item only: where a handout in another language comes
 * before the same handout in the wanted language, the wanted one takes the earlier place and the
 * rest move down one ("IMS" names the Chinese sheet "IMS 治疗之后", yet the English one leads).
 * Other hits keep their order and other languages stay in the list. Only a version that every
 * word matched may move up: a French query that only the French sheet holds in full keeps it
 * above the English one found by the any-word fallback. `wanted` lists the languages most wanted
 * first (a French clinic: French, then the app's English); it is asked only when a handout is hit.
 */
export function preferLanguage<T extends LanguageTagged>(
  hits: readonly T[],
  wanted: () => readonly string[]
): T[] {
  // Only two versions of one handout can be reordered; most lists hold none, and then the
  // languages (the clinic profile) are never read.
  const bases = hits.map(handoutLanguage).flatMap((version) => (version ? [version.base] : []))
  if (new Set(bases).size === bases.length) return [...hits]
  // Each pass moves its language ahead of the others, so the last pass (the most wanted) wins.
  return [...wanted()].reverse().reduce((out, lang) => preferOne(out, lang), [...hits])
}

function preferOne<T extends LanguageTagged>(hits: readonly T[], wanted: string): T[] {
  const out = [...hits]
  for (let i = 0; i < out.length; i++) {
    const here = handoutLanguage(out[i] as T)
    if (here === null || sameLanguage(here.lang, wanted)) continue
    const j = out.findIndex((hit, k) => {
      if (k <= i) return false
      const there = handoutLanguage(hit)
      return (
        there !== null &&
        there.base === here.base &&
        sameLanguage(there.lang, wanted) &&
        (hit.tier <= TIER.allWords || hit.tier === (out[i] as T).tier)
      )
    })
    if (j > i) out.splice(i, 0, ...out.splice(j, 1))
  }
  return out
}
