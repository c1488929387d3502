/**
 * The body-map silhouette as data: points along the viewer's left half of the figure, from the
 * crown to the crotch, drawn to the coordinates of landmarks.ts (viewBox 0 0 400 1000). The right
 * half is the mirror image (figure.ts). Points marked as corners stay sharp.
 */
export interface OutlinePoint {
  readonly x: number
  readonly y: number
  /** A sharp turn: the curve does not round it off. */
  readonly corner?: boolean
}

export const p = (x: number, y: number, corner = false): OutlinePoint => ({ x, y, corner })

/** Head, neck, shoulder and the arm down to the hand and back up to the armpit. */
export const HEAD_AND_ARM: readonly OutlinePoint[] = [
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
export const TRUNK_AND_LEG_FRONT: readonly OutlinePoint[] = [
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
export const TRUNK_AND_LEG_BACK: readonly OutlinePoint[] = [
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
