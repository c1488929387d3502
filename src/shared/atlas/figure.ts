/**
 * The body-map artwork, as geometry: a smooth silhouette and a few anatomical landmark lines for
 * the front and back views, drawn to the coordinates of landmarks.ts (viewBox 0 0 400 1000).
 *
 * The outline is a list of points along the viewer's left half of the figure, from the crown to
 * the crotch; the right half is its mirror image. A Catmull–Rom spline through the points gives
 * smooth curves; points marked as corners (armpit, crotch, between thumb and hand) stay sharp.
 * Keeping the drawing as data lets a test check that every landmark lies inside the silhouette.
 */
import type { BodyView } from './landmarks'
import { HEAD_AND_ARM, TRUNK_AND_LEG_BACK, TRUNK_AND_LEG_FRONT, p } from './figure-outline'
import type { OutlinePoint } from './figure-outline'

export type { OutlinePoint } from './figure-outline'

/** The viewer's left half of the outline, crown to crotch. */
export function halfOutline(view: BodyView): readonly OutlinePoint[] {
  return [...HEAD_AND_ARM, ...(view === 'front' ? TRUNK_AND_LEG_FRONT : TRUNK_AND_LEG_BACK)]
}

export const mirrorX = (x: number): number => 400 - x

/** The whole closed outline: the left half, then its mirror image back up to the crown. */
export function fullOutline(view: BodyView): OutlinePoint[] {
  const half = halfOutline(view)
  const right = half
    .slice(1, -1)
    .reverse()
    .map((q) => ({ ...q, x: mirrorX(q.x) }))
  return [...half, ...right]
}

const fmt = (n: number): string => String(Math.round(n * 10) / 10)

/**
 * A smooth SVG path through the points (Catmull–Rom turned into cubic Béziers). Corner points
 * get straight tangents, so the curve turns sharply there.
 */
export function smoothPath(points: readonly OutlinePoint[], closed: boolean): string {
  const n = points.length
  if (n === 0) return ''
  if (n === 1) return `M${fmt(points[0]!.x)} ${fmt(points[0]!.y)}`
  const at = (i: number): OutlinePoint =>
    closed ? points[((i % n) + n) % n]! : points[Math.max(0, Math.min(n - 1, i))]!
  let d = `M${fmt(points[0]!.x)} ${fmt(points[0]!.y)}`
  const segments = closed ? n : n - 1
  for (let i = 0; i < segments; i++) {
    const p0 = at(i - 1)
    const p1 = at(i)
    const p2 = at(i + 1)
    const p3 = at(i + 2)
    const t1 = p1.corner ? { x: (p2.x - p1.x) / 3, y: (p2.y - p1.y) / 3 } : tangent(p0, p2)
    const t2 = p2.corner ? { x: (p2.x - p1.x) / 3, y: (p2.y - p1.y) / 3 } : tangent(p1, p3)
    d +=
      ` C${fmt(p1.x + t1.x)} ${fmt(p1.y + t1.y)} ${fmt(p2.x - t2.x)} ${fmt(p2.y - t2.y)}` +
      ` ${fmt(p2.x)} ${fmt(p2.y)}`
  }
  return closed ? `${d}Z` : d
}

const tangent = (a: OutlinePoint, b: OutlinePoint) => ({ x: (b.x - a.x) / 6, y: (b.y - a.y) / 6 })

export function silhouettePath(view: BodyView): string {
  return smoothPath(fullOutline(view), true)
}

/** Even–odd point-in-polygon test against the outline points (close enough to the curve). */
export function isInsideSilhouette(view: BodyView, x: number, y: number): boolean {
  const poly = fullOutline(view)
  let inside = false
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i]!
    const b = poly[j]!
    if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) inside = !inside
  }
  return inside
}

export type DetailWeight = 'line' | 'faint'

export interface DetailPath {
  readonly d: string
  readonly weight: DetailWeight
}

export const line = (pts: [number, number][], weight: DetailWeight = 'line'): DetailPath => ({
  d: smoothPath(
    pts.map(([x, y]) => p(x, y)),
    false
  ),
  weight
})

/** A line and its mirror image across the midline. */
export const pair = (pts: [number, number][], weight: DetailWeight = 'line'): DetailPath[] => [
  line(pts, weight),
  line(
    pts.map(([x, y]) => [mirrorX(x), y]),
    weight
  )
]

export const ring = (
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  weight: DetailWeight
): DetailPath => ({
  d:
    `M${fmt(cx - rx)} ${fmt(cy)} A${fmt(rx)} ${fmt(ry)} 0 1 0 ${fmt(cx + rx)} ${fmt(cy)}` +
    ` A${fmt(rx)} ${fmt(ry)} 0 1 0 ${fmt(cx - rx)} ${fmt(cy)}Z`,
  weight
})
