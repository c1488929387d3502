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

export interface OutlinePoint {
  readonly x: number
  readonly y: number
  /** A sharp turn: the curve does not round it off. */
  readonly corner?: boolean
}

const p = (x: number, y: number, corner = false): OutlinePoint => ({ x, y, corner })

/** Head, neck, shoulder and the arm down to the hand and back up to the armpit. */
const HEAD_AND_ARM: readonly OutlinePoint[] = [
  p(200, 19),
  p(183, 22),
  p(170, 32),
  p(163, 48),
  p(161, 68),
  p(162, 82),
  // ear
  p(158, 84),
  p(156, 94),
  p(158, 106),
  p(163, 110),
  // jaw and neck
  p(167, 123),
  p(174, 136),
  p(176, 150),
  p(175, 162),
  // trapezius slope to the shoulder
  p(163, 172),
  p(146, 179),
  p(128, 185),
  p(112, 192),
  // deltoid
  p(100, 202),
  p(93, 218),
  p(90, 238),
  // upper arm, outer side
  p(87, 270),
  p(84, 305),
  p(80, 340),
  p(78, 366),
  // forearm, outer side
  p(75, 392),
  p(70, 425),
  p(64, 462),
  p(60, 494),
  // hand: thenar side and thumb
  p(56, 508),
  p(50, 520),
  p(44, 534),
  p(41, 546),
  p(43, 553),
  p(48, 552),
  p(53, 543, true),
  p(52, 560),
  p(52, 575),
  p(55, 588),
  p(62, 594),
  p(70, 590),
  p(74, 578),
  p(77, 558),
  p(79, 536),
  p(81, 515),
  // forearm and arm, inner side
  p(84, 497),
  p(92, 460),
  p(100, 420),
  p(106, 388),
  p(109, 368),
  p(112, 340),
  p(117, 300),
  p(121, 270),
  p(125, 252, true)
]

/** Side of the trunk, hip, outer leg, foot (front: toes toward the viewer) and inner leg. */
const TRUNK_AND_LEG_FRONT: readonly OutlinePoint[] = [
  p(126, 270),
  p(126, 295),
  p(128, 325),
  p(132, 352),
  p(134, 375),
  p(132, 400),
  p(130, 428),
  p(126, 456),
  p(124, 485),
  // outer thigh to the knee
  p(126, 525),
  p(131, 575),
  p(136, 625),
  p(140, 665),
  p(141, 690),
  p(140, 712),
  // calf and ankle
  p(136, 745),
  p(135, 775),
  p(139, 815),
  p(145, 860),
  p(151, 895),
  p(152, 912),
  p(150, 930),
  // foot seen from the front
  p(148, 950),
  p(149, 968),
  p(156, 982),
  p(169, 988),
  p(183, 987),
  p(192, 980),
  p(192, 962),
  p(188, 940),
  p(185, 922),
  p(186, 905),
  // inner leg up to the crotch
  p(183, 872),
  p(183, 830),
  p(186, 785),
  p(186, 755),
  p(183, 725),
  p(182, 700),
  p(182, 670),
  p(184, 635),
  p(188, 590),
  p(193, 545),
  p(200, 512, true)
]

/** The back view shows the heel, with the edges of the forefoot beside it. */
const TRUNK_AND_LEG_BACK: readonly OutlinePoint[] = [
  ...TRUNK_AND_LEG_FRONT.slice(0, TRUNK_AND_LEG_FRONT.findIndex((q) => q.y === 930) + 1),
  p(148, 950),
  p(148, 968),
  p(152, 982),
  p(162, 988),
  p(174, 988),
  p(183, 983),
  p(187, 966),
  p(187, 942),
  p(185, 922),
  ...TRUNK_AND_LEG_FRONT.slice(TRUNK_AND_LEG_FRONT.findIndex((q) => q.y === 905))
]

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

const line = (pts: [number, number][], weight: DetailWeight = 'line'): DetailPath => ({
  d: smoothPath(
    pts.map(([x, y]) => p(x, y)),
    false
  ),
  weight
})

/** A line and its mirror image across the midline. */
const pair = (pts: [number, number][], weight: DetailWeight = 'line'): DetailPath[] => [
  line(pts, weight),
  line(
    pts.map(([x, y]) => [mirrorX(x), y]),
    weight
  )
]

const ring = (
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

/** Landmark lines of the front view: face, collarbones, chest, navel, pelvis, knees, ankles. */
export const FRONT_DETAILS: readonly DetailPath[] = [
  // face: brows, nose, mouth (kept quiet)
  ...pair(
    [
      [173, 77],
      [181, 74],
      [190, 76]
    ],
    'faint'
  ),
  ...pair(
    [
      [177, 86],
      [182, 84],
      [187, 86]
    ],
    'faint'
  ),
  line(
    [
      [198, 88],
      [197, 101],
      [200, 105],
      [203, 104]
    ],
    'faint'
  ),
  line(
    [
      [191, 119],
      [200, 121],
      [209, 119]
    ],
    'faint'
  ),
  // jaw
  ...pair(
    [
      [164, 110],
      [172, 128],
      [186, 138],
      [200, 141]
    ],
    'faint'
  ),
  // sternocleidomastoid, ear to notch
  ...pair(
    [
      [169, 121],
      [180, 150],
      [194, 177]
    ],
    'faint'
  ),
  // collarbones
  ...pair([
    [195, 181],
    [178, 181],
    [156, 185],
    [136, 187],
    [119, 194]
  ]),
  // deltopectoral groove
  ...pair(
    [
      [127, 190],
      [123, 212],
      [126, 238],
      [131, 256]
    ],
    'faint'
  ),
  // lower border of the chest muscle
  ...pair([
    [131, 258],
    [150, 277],
    [174, 283],
    [196, 278]
  ]),
  // nipples
  ring(160, 260, 2.2, 2.2, 'line'),
  ring(240, 260, 2.2, 2.2, 'line'),
  // sternum and linea alba
  line(
    [
      [200, 186],
      [200, 300]
    ],
    'faint'
  ),
  line(
    [
      [200, 312],
      [200, 380]
    ],
    'faint'
  ),
  // rib margin from the xiphoid
  ...pair(
    [
      [198, 300],
      [182, 310],
      [164, 326],
      [149, 344]
    ],
    'faint'
  ),
  // navel
  ring(200, 390, 2.6, 3.4, 'line'),
  // iliac crest to the pubis (inguinal line)
  ...pair([
    [150, 418],
    [157, 436],
    [172, 462],
    [189, 482],
    [198, 490]
  ]),
  // elbow crease and wrist crease
  ...pair(
    [
      [86, 368],
      [93, 372],
      [101, 370]
    ],
    'faint'
  ),
  ...pair(
    [
      [62, 500],
      [71, 503],
      [81, 501]
    ],
    'faint'
  ),
  // kneecaps
  ring(160, 690, 11, 14, 'faint'),
  ring(240, 690, 11, 14, 'faint'),
  // shin and ankle
  ...pair(
    [
      [163, 715],
      [163, 800],
      [167, 890]
    ],
    'faint'
  ),
  ...pair(
    [
      [158, 918],
      [168, 922],
      [180, 918]
    ],
    'faint'
  ),
  // toes
  ...pair(
    [
      [171, 975],
      [171, 986]
    ],
    'faint'
  ),
  ...pair(
    [
      [181, 973],
      [181, 985]
    ],
    'faint'
  )
]

/** Landmark lines of the back view: skull base, spine, shoulder blades, pelvis, knees, heels. */
export const BACK_DETAILS: readonly DetailPath[] = [
  // base of the skull
  line(
    [
      [176, 104],
      [188, 100],
      [200, 99],
      [212, 100],
      [224, 104]
    ],
    'faint'
  ),
  // shoulder blades: superior angle → superior border → glenoid → lateral border → inferior
  // angle → medial border (one closed outline), and the spine of the scapula to the acromion
  ...pair(
    [
      [240, 215],
      [256, 212],
      [270, 211],
      [277, 219],
      [270, 242],
      [256, 268],
      [240, 295],
      [230, 305],
      [231, 285],
      [234, 260],
      [237, 238],
      [240, 215]
    ],
    'faint'
  ),
  ...pair([
    [237, 238],
    [251, 232],
    [267, 217],
    [283, 198]
  ]),
  // elbows
  ...pair(
    [
      [302, 366],
      [308, 372],
      [314, 366]
    ],
    'faint'
  ),
  // iliac crests and the dimples over the PSIS
  ...pair([
    [261, 440],
    [258, 428],
    [250, 420],
    [234, 424],
    [218, 440]
  ]),
  ring(215, 450, 1.8, 1.8, 'line'),
  ring(185, 450, 1.8, 1.8, 'line'),
  // sacrum
  ...pair(
    [
      [215, 452],
      [210, 478],
      [200, 500]
    ],
    'faint'
  ),
  // gluteal cleft and folds
  line([
    [200, 488],
    [200, 530]
  ]),
  ...pair([
    [203, 532],
    [218, 542],
    [240, 544],
    [262, 536]
  ]),
  // back of the knees
  ...pair(
    [
      [226, 700],
      [240, 703],
      [254, 700]
    ],
    'faint'
  ),
  // calf heads and the Achilles tendon
  ...pair(
    [
      [240, 720],
      [238, 770],
      [240, 815]
    ],
    'faint'
  ),
  ...pair(
    [
      [236, 850],
      [235, 905],
      [232, 945]
    ],
    'faint'
  )
]
