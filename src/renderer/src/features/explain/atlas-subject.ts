import type { MapMuscle } from '../../../../shared/api/atlas'
import type { BodyView } from '../../../../shared/atlas/landmarks'
import { formatRoots } from '../../../../shared/atlas/nerve-roots'
import type { NerveRoot } from '../../../../shared/atlas/nerve-roots'
import type { ExplainSubject } from './explain-store'

interface AtlasView {
  readonly mode: 'muscles' | 'pain' | 'roots'
  readonly spot: { readonly view: BodyView; readonly x: number; readonly y: number } | null
  readonly roots: readonly NerveRoot[]
  readonly regionLabel: string | null
  /** The muscles the atlas lists now, in its order (pain candidates best first). */
  readonly listed: readonly MapMuscle[]
}

/** What the atlas offers explain mode: the muscles its panel lists, in plain words. */
export function atlasExplainSubject(view: AtlasView): ExplainSubject | null {
  if (view.listed.length === 0) return null
  const ids = view.listed.map((m) => m.id)
  switch (view.mode) {
    case 'pain':
      return {
        kind: 'muscles',
        ids,
        context: 'Muscles that can send pain to the marked spot',
        spot: view.spot
      }
    case 'roots':
      return {
        kind: 'muscles',
        ids,
        context: `Muscles served by the nerves at ${formatRoots(view.roots)}`
      }
    case 'muscles':
      return {
        kind: 'muscles',
        ids,
        context: view.regionLabel ? `Muscles of the ${view.regionLabel.toLowerCase()}` : null
      }
  }
}
