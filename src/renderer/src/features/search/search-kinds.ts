import type { SafetyFlag, SearchHit, SearchKind } from '../../../../shared/api/search'
import { SAFETY_FLAG_LABELS } from '../../../../shared/atlas/regions'

/** Group headings, in display order (a Record: a new kind in the contract fails the type check). */
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

/** Hits grouped by kind (in KIND_ORDER), keeping the rank order inside each group. */
export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  return KIND_ORDER.map((kind) => ({
    kind,
    label: KIND_LABELS[kind],
    hits: hits.filter((h) => h.kind === kind)
  })).filter((g) => g.hits.length > 0)
}
