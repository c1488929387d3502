import type { AcupointSummary, MapMuscle, MuscleRegion } from '../../../../shared/api/atlas'
import type { BodyView } from '../../../../shared/atlas/landmarks'
import type { MapMarker, MapZone, MarkerState, ZoneTone } from '../body-map/body-map'

export type PlacedPoint = AcupointSummary & { marker: NonNullable<AcupointSummary['marker']> }

export interface MarkerOptions {
  readonly region?: MuscleRegion | null
  /** Muscles drawn with a highlight ring (segmental lookup, pain candidates). */
  readonly highlight?: ReadonlySet<string>
  /** When something is highlighted, the other markers are dimmed. */
  readonly dimOthers?: boolean
  /** Trigger points drawn as selected (a muscle's page). */
  readonly selectedTriggerPoint?: string | null
}

/** Trigger-point markers of one view; each muscle's markers share its id as their group. */
export function triggerPointMarkers(
  muscles: readonly MapMuscle[],
  view: BodyView,
  options: MarkerOptions = {}
): MapMarker[] {
  const out: MapMarker[] = []
  const highlight = options.highlight ?? new Set<string>()
  for (const muscle of muscles) {
    if (options.region && muscle.region !== options.region) continue
    for (const tp of muscle.triggerPoints) {
      tp.markers.forEach((m, i) => {
        if (m.view !== view) return
        let state: MarkerState = 'normal'
        if (options.selectedTriggerPoint === tp.id) state = 'selected'
        else if (highlight.has(muscle.id)) state = 'highlight'
        else if (options.dimOthers && highlight.size > 0) state = 'dim'
        out.push({
          key: `tp:${tp.id}:${i}`,
          kind: 'trigger-point',
          x: m.x,
          y: m.y,
          title: muscle.name,
          subtitle: tp.name,
          flags: muscle.flags,
          state,
          group: muscle.id
        })
      })
    }
  }
  return out
}

export function acupointMarkers(
  points: readonly PlacedPoint[],
  view: BodyView,
  state: MarkerState = 'normal'
): MapMarker[] {
  return points
    .filter((p) => p.marker.view === view)
    .map((p) => ({
      key: `pt:${p.code}`,
      kind: 'acupoint' as const,
      x: p.marker.x,
      y: p.marker.y,
      title: `${p.code} ${p.pinyin}`,
      subtitle: p.english,
      flags: p.flags,
      state,
      group: `acupoint:${p.code}`
    }))
}

/** Referral zones of the given muscles (all of them when `groups` is 'all') on one view. */
export function referralZones(
  muscles: readonly MapMuscle[],
  view: BodyView,
  groups: ReadonlySet<string> | 'all',
  tone: ZoneTone | ((muscleId: string) => ZoneTone),
  region?: MuscleRegion | null
): MapZone[] {
  const out: MapZone[] = []
  for (const muscle of muscles) {
    if (groups !== 'all' && !groups.has(muscle.id)) continue
    if (region && muscle.region !== region) continue
    for (const tp of muscle.triggerPoints) {
      tp.zones.forEach((z, i) => {
        if (z.view !== view) return
        out.push({
          key: `${tp.id}:${i}`,
          cx: z.cx,
          cy: z.cy,
          rx: z.rx,
          ry: z.ry,
          rotate: z.rotate,
          tone: typeof tone === 'function' ? tone(muscle.id) : tone
        })
      })
    }
  }
  return out
}

/** "front,115,215" ⇄ { view, x, y } (the pain spot in the address). */
export function parseSpot(value: string | null): { view: BodyView; x: number; y: number } | null {
  if (!value) return null
  const [view, xs, ys] = value.split(',')
  const x = Number(xs)
  const y = Number(ys)
  if ((view !== 'front' && view !== 'back') || !Number.isFinite(x) || !Number.isFinite(y))
    return null
  if (x < 0 || x > 400 || y < 0 || y > 1000) return null
  return { view, x, y }
}

export const formatSpot = (spot: { view: BodyView; x: number; y: number }): string =>
  `${spot.view},${Math.round(spot.x)},${Math.round(spot.y)}`
