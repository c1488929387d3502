import type { SearchKind } from '../../../shared/api/search'
import { parseRoots } from '../../../shared/atlas/nerve-roots'
import type { NerveRoot } from '../../../shared/atlas/nerve-roots'
import { lookupByRoots } from '../../../shared/atlas/segmental'
import type { IdentityMatch, IdentityRepo, NameMatch } from './identity-repo'
import { foldIdentity } from './identity-terms'
import { TIER } from './search-ranking'
import type { RankedCandidate } from './search-ranking'

/** Word runs looked up as names inside a longer query ("bl 40 neck" → "bl40"). */
const MAX_RUN_WORDS = 4
/** A name inside a longer query only counts for the kinds with short, specific names. */
const CONTAINED_KINDS: ReadonlySet<SearchKind> = new Set(['muscle', 'acupoint'])

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu
const CJK_RUN_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu
// "C5-C6", "c5 c6", "L4 to S1", "C5/6 roots": nothing but nerve roots.
const ROOTS_ONLY_RE =
  /^\s*(?:[ctls]\s*\d{1,2}(?:\s*(?:-|–|—|\/|,|&|and|to)?\s*(?:[ctls]?\s*\d{1,2}))*\s*)+(?:nerve\s+)?(?:roots?)?\s*$/iu

/**
 * The identity tiers of a query (search-ranking.ts): items named exactly what was typed, items
 * whose name it starts, items a synonym or nerve-root query leads to, and muscles or points named
 * by a run of its words.
 */
export function identityCandidates(
  repo: IdentityRepo,
  q: string,
  /** The hits wanted: more names than that from a prefix cannot be shown. */
  limit: number,
  /** Names starting with a single letter too (a large library, where text takes it whole). */
  oneLetterNames = false
): RankedCandidate[] {
  const key = foldIdentity(q)
  if (key === '') return []
  const runs = wordRuns(q).filter((run) => run !== key)
  const synonyms = repo.synonyms([key, ...runs])
  const whole = synonyms.get(key)
  const wholeKeys = [key, ...singular(key), ...(whole?.means ?? []).map(foldIdentity)]

  const candidates: RankedCandidate[] = []
  const runLength = new Map(runs.map((run) => [run, [...run].length]))
  const exactMatches = repo.exact([...wholeKeys, ...runs])
  for (const match of exactMatches) {
    const term = match.term
    if (wholeKeys.includes(term)) {
      candidates.push(at(match, TIER.exact, match.weight, match.length))
    } else if (CONTAINED_KINDS.has(match.kind)) {
      // The longer the run of words the name covers, the more of the query it explains.
      candidates.push(at(match, TIER.contained, match.weight, -(runLength.get(term) ?? 0)))
    }
  }

  let order = 0
  const lead = (matches: readonly NameMatch[]): void => {
    for (const match of matches) candidates.push(at(match, TIER.lead, match.weight, order++))
  }
  lead(byOrder(repo.byItemIds('muscle', whole?.muscles ?? []), whole?.muscles ?? []))
  lead(byOrder(repo.byItemIds('acupoint', whole?.points ?? []), whole?.points ?? []))
  lead(rootMuscles(repo, q))
  for (const prefixKey of [key, ...(whole?.means ?? []).map(foldIdentity)]) {
    // One letter only in a large library, where the text does not take it as a prefix
    // (shared/search/parse-query.ts): typing "t" then shows the names that start with it.
    if (prefixKey.length < (oneLetterNames ? 1 : 2) || /^\p{N}+$/u.test(prefixKey)) continue
    lead(repo.prefix(prefixKey, limit))
  }

  for (const run of runs) {
    const muscles = synonyms.get(run)?.muscles ?? []
    for (const match of byOrder(repo.byItemIds('muscle', muscles), muscles)) {
      candidates.push(at(match, TIER.contained, 0, -(runLength.get(run) ?? 0)))
    }
  }
  return candidates
}

const at = (
  match: NameMatch,
  tier: RankedCandidate['tier'],
  primary: number,
  secondary: number
): RankedCandidate => ({ docId: match.docId, tier, primary, secondary })

/** "scalenes" is also looked up as "scalene", "rhomboids" as "rhomboid". */
const singular = (key: string): string[] =>
  key.length > 3 && key.endsWith('s') && !key.endsWith('ss') ? [key.slice(0, -1)] : []

/** Every run of up to MAX_RUN_WORDS consecutive words, folded ("bl 40 neck" → "bl40", …). */
function wordRuns(q: string): string[] {
  const words = q.normalize('NFC').toLowerCase().replace(CJK_RUN_RE, ' $& ').match(WORD_RE) ?? []
  const runs = new Set<string>()
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= MAX_RUN_WORDS && i + n <= words.length; n++) {
      const run = foldIdentity(words.slice(i, i + n).join(''))
      if (run !== '') runs.add(run)
    }
  }
  return [...runs]
}

/** Matches in the order of the ids given (a synonym lists its muscles best first). */
function byOrder(matches: readonly IdentityMatch[], ids: readonly string[]): IdentityMatch[] {
  return [...matches].sort((a, b) => ids.indexOf(a.itemId) - ids.indexOf(b.itemId))
}

/**
 * A query of nothing but nerve roots leads with the muscles they supply, in the order of the
 * atlas's Nerve roots lookup (most of the chosen roots first); the roots are the muscles' own
 * innervation, which their search documents carry as tags.
 */
function rootMuscles(repo: IdentityRepo, q: string): IdentityMatch[] {
  if (!ROOTS_ONLY_RE.test(q)) return []
  const roots = parseRoots(q)
  if (roots.length === 0) return []
  const muscles = repo.musclesWithRoots(roots).map((m) => ({
    id: m.itemId,
    name: m.title,
    roots: m.tags.filter((tag): tag is NerveRoot => parseRoots(tag).join() === tag)
  }))
  const ids = lookupByRoots(roots, muscles).muscles.map((match) => match.muscle.id)
  return byOrder(repo.byItemIds('muscle', ids), ids)
}
