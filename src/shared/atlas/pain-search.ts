/**
 * Search from pain: the practitioner marks where the patient hurts, and the atlas lists the
 * muscles whose referred-pain zones cover that spot, best first.
 *
 * A zone is an ellipse (optionally rotated). The normalised distance of a spot to a zone is 0 at
 * its centre and 1 on its edge, so big and small zones compare fairly. Referral patterns are drawn
 * on one side but occur on either, so each zone is also tried in its mirror image (x → 400 − x).
 * Ranking: smallest distance first (the spot is near the heart of the pattern), then the number of
 * zones covering the spot, then the name.
 */
import type { BodyView } from './landmarks'

export interface SpotInput {
  readonly view: BodyView
  readonly x: number
  readonly y: number
}

export interface ZoneInput {
  readonly view: BodyView
  readonly cx: number
  readonly cy: number
  readonly rx: number
  readonly ry: number
  readonly rotate?: number | undefined
}

export interface PainSearchMuscle {
  readonly id: string
  readonly name: string
  readonly triggerPoints: readonly { readonly id: string; readonly zones: readonly ZoneInput[] }[]
}

export interface PainMatch<M extends PainSearchMuscle = PainSearchMuscle> {
  readonly muscle: M
  /** Smallest normalised distance over all zones (and their mirror images). */
  readonly distance: number
  /** Zones (either side) that contain the spot. */
  readonly zonesCovering: number
  /** The best zone was the mirror image of the one drawn. */
  readonly mirrored: boolean
  /** The trigger points whose zones reach the spot, best first. */
  readonly triggerPointIds: readonly string[]
}

export interface PainSearchOptions {
  /**
   * How far outside a zone still counts (1 = the edge). A little slack (default 1.15) forgives a
   * click just beside a drawn area; the UI says which candidates are at the edge.
   */
  readonly maxDistance?: number
  /** Also try each zone's mirror image (default true). */
  readonly mirror?: boolean
}

export const MAP_WIDTH = 400
export const MAP_HEIGHT = 1000

/** 0 at the centre of the ellipse, 1 on its edge, larger outside. */
export function normalisedDistance(spot: { x: number; y: number }, zone: ZoneInput): number {
  const dx = spot.x - zone.cx
  const dy = spot.y - zone.cy
  const theta = ((zone.rotate ?? 0) * Math.PI) / 180
  // Rotate the spot into the ellipse's own axes (the zone is rotated clockwise on screen).
  const u = dx * Math.cos(theta) + dy * Math.sin(theta)
  const v = -dx * Math.sin(theta) + dy * Math.cos(theta)
  return Math.sqrt((u / zone.rx) ** 2 + (v / zone.ry) ** 2)
}

export const mirrorZone = <Z extends ZoneInput>(zone: Z): Z => ({
  ...zone,
  cx: MAP_WIDTH - zone.cx,
  rotate: zone.rotate === undefined ? undefined : -zone.rotate
})

/** The muscles whose referred pain covers the spot, ranked (see the module comment). */
export function searchFromPain<M extends PainSearchMuscle>(
  spot: SpotInput,
  muscles: readonly M[],
  options: PainSearchOptions = {}
): PainMatch<M>[] {
  const maxDistance = options.maxDistance ?? 1.15
  const mirror = options.mirror ?? true
  const matches: PainMatch<M>[] = []
  for (const muscle of muscles) {
    let best = Infinity
    let bestMirrored = false
    let covering = 0
    const tpBest = new Map<string, number>()
    for (const tp of muscle.triggerPoints) {
      for (const zone of tp.zones) {
        if (zone.view !== spot.view) continue
        const candidates: [ZoneInput, boolean][] = [[zone, false]]
        // A zone on the midline is its own mirror image.
        if (mirror && Math.abs(zone.cx - MAP_WIDTH / 2) > 0.5)
          candidates.push([mirrorZone(zone), true])
        for (const [z, mirrored] of candidates) {
          const d = normalisedDistance(spot, z)
          if (d <= 1) covering++
          if (d < best) {
            best = d
            bestMirrored = mirrored
          }
          if (d <= maxDistance && d < (tpBest.get(tp.id) ?? Infinity)) tpBest.set(tp.id, d)
        }
      }
    }
    if (best > maxDistance) continue
    matches.push({
      muscle,
      distance: best,
      zonesCovering: covering,
      mirrored: bestMirrored,
      triggerPointIds: [...tpBest.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id)
    })
  }
  return matches.sort(
    (a, b) =>
      Number(a.distance > 1) - Number(b.distance > 1) ||
      a.distance - b.distance ||
      b.zonesCovering - a.zonesCovering ||
      a.muscle.name.localeCompare(b.muscle.name)
  )
}
