import type { SafetyFlag, SearchHit, SearchKind } from '../../../../shared/api/search'
import { SAFETY_FLAG_LABELS } from '../../../../shared/atlas/regions'

/** Group headings (a Record: a new kind in the contract fails the type check). */
export const KIND_LABELS: Readonly<Record<SearchKind, string>> = {
  article: 'Articles',
  handout: 'Handouts',
  muscle: 'Muscles',
  'trigger-point': 'Trigger points',
  acupoint: 'Acupoints',
  note: 'Notes'
}

export const KIND_ORDER = Object.keys(KIND_LABELS) as SearchKind[]

export const isKind = (value: string): value is SearchKind =>
  Object.prototype.hasOwnProperty.call(KIND_LABELS, value)

export const FLAG_LABELS: Readonly<Record<SafetyFlag, string>> = {
  pregnancy: 'Pregnancy caution',
  pneumothorax: 'Pneumothorax risk',
  'chest-wall': 'Chest wall',
  vessel: 'Near a vessel',
  nerve: 'Near a nerve',
  eye: 'Near the eye',
  'deep-bleeding': SAFETY_FLAG_LABELS['deep-bleeding'],
  other: 'Caution'
}

export interface HitGroup {
  readonly kind: SearchKind
  readonly label: string
  readonly hits: readonly SearchHit[]
}

/**
 * Hits grouped by kind, keeping the rank order inside each group. Groups come in the order of
 * their best hit (the core ranks the point "LI4" before articles that mention it, so the
 * Acupoints group leads for "li4"); KIND_ORDER only breaks a tie, which ranked hits never have.
 */
export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  const best = (kind: SearchKind): number => {
    const index = hits.findIndex((h) => h.kind === kind)
    return index < 0 ? Infinity : index
  }
  return KIND_ORDER.map((kind) => ({
    kind,
    label: KIND_LABELS[kind],
    hits: hits.filter((h) => h.kind === kind)
  }))
    .filter((g) => g.hits.length > 0)
    .sort((a, b) => best(a.kind) - best(b.kind))
}
