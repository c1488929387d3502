import type { SafetyFlag } from '../../../shared/api/search'
import { acupointAliases } from '../../../shared/atlas/acupoint-code'
import type { AcupointFileEntry, MuscleFile } from '../../../shared/atlas/content-schema'
import { MERIDIAN_BY_CODE } from '../../../shared/atlas/meridians'
import { formatRoots } from '../../../shared/atlas/nerve-roots'
import { MUSCLE_REGION_LABELS } from '../../../shared/atlas/regions'
import type { SearchDocument } from '../search/search-index'

/** The distinct safety flags of a muscle, in the order of its safety notes. */
export const muscleFlags = (muscle: MuscleFile): SafetyFlag[] => [
  ...new Set(muscle.safety.map((s) => s.flag))
]

/** How a point is titled in lists and notes: "LI4 Hegu (Joining Valley)". */
export const acupointTitle = (point: { code: string; pinyin: string; english: string }): string =>
  `${point.code} ${point.pinyin} (${point.english})`

/** In search results the characters show too, so a search for "合谷" shows why LI4 matched. */
const acupointSearchTitle = (point: AcupointFileEntry): string =>
  point.hanzi
    ? `${point.code} ${point.pinyin} ${point.hanzi} (${point.english})`
    : acupointTitle(point)

/** The muscle and each of its trigger points, as documents of the one search index. */
export function muscleDocuments(muscle: MuscleFile): SearchDocument[] {
  const flags = muscleFlags(muscle)
  const roots = formatRoots(muscle.innervation.roots)
  const tags = [MUSCLE_REGION_LABELS[muscle.region], ...muscle.innervation.roots]
  const own: SearchDocument = {
    kind: 'muscle',
    id: muscle.id,
    title: muscle.name,
    body: [
      muscle.action,
      `Innervation: ${muscle.innervation.nerve} (${roots}).`,
      ...muscle.triggerPoints.map((tp) => `${tp.name}: ${tp.referral.description}`),
      `Needling: ${muscle.needling.position} ${muscle.needling.approach} ${muscle.needling.cautions}`,
      ...muscle.safety.map((s) => s.text)
    ].join('\n'),
    tags,
    aliases: muscle.aliases,
    flags
  }
  const parent = { kind: 'muscle' as const, id: muscle.id, title: muscle.name }
  const points: SearchDocument[] = muscle.triggerPoints.map((tp) => ({
    kind: 'trigger-point',
    id: tp.id,
    title: tp.name,
    body: [tp.location, `Referred pain: ${tp.referral.description}`, ...tp.symptoms].join('\n'),
    tags,
    parent,
    flags
  }))
  return [own, ...points]
}

export function acupointDocument(point: AcupointFileEntry): SearchDocument {
  const channel = MERIDIAN_BY_CODE.get(point.meridian)?.name ?? point.meridian
  return {
    kind: 'acupoint',
    id: point.code,
    title: acupointSearchTitle(point),
    body: [
      point.location,
      point.flagNotes ?? '',
      // Variant readings in the text too, so a search for one shows why the point matched.
      point.aliases?.length ? `Also written ${point.aliases.join(', ')}.` : '',
      `${channel} channel.`
    ]
      .filter(Boolean)
      .join('\n'),
    tags: [channel, point.region],
    aliases: acupointAliases(point),
    flags: point.flags
  }
}
