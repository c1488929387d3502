/**
 * Body-map landmarks in the shared coordinate system of both views (viewBox 0 0 400 1000).
 * The artwork is drawn to these points and every built-in marker and referral zone is placed
 * against them, so content and drawing cannot drift apart. Front view: the patient's right is on
 * the viewer's left. Back view: the patient's right is on the viewer's right.
 */
export type BodyView = 'front' | 'back'

export interface Landmark {
  readonly id: string
  readonly label: string
  readonly view: BodyView
  readonly x: number
  readonly y: number
}

const pair = (id: string, label: string, view: BodyView, rightX: number, y: number): Landmark[] => [
  { id: `${id}-r`, label: `${label} (right)`, view, x: rightX, y },
  { id: `${id}-l`, label: `${label} (left)`, view, x: 400 - rightX, y }
]

/** Spinal levels on the back view, midline x = 200, from C1 to S2. */
export const SPINE_LEVEL_Y: Readonly<Record<string, number>> = {
  C1: 120,
  C2: 128,
  C3: 137,
  C4: 146,
  C5: 155,
  C6: 164,
  C7: 175,
  T1: 183,
  T2: 199,
  T3: 215,
  T4: 231,
  T5: 247,
  T6: 263,
  T7: 279,
  T8: 295,
  T9: 311,
  T10: 327,
  T11: 343,
  T12: 359,
  L1: 376,
  L2: 392,
  L3: 408,
  L4: 424,
  L5: 440,
  S1: 456,
  S2: 470
}

export const LANDMARKS: readonly Landmark[] = [
  // front view (patient's right = small x)
  { id: 'vertex', label: 'Top of head', view: 'front', x: 200, y: 20 },
  { id: 'forehead', label: 'Forehead', view: 'front', x: 200, y: 60 },
  ...pair('eye', 'Eye', 'front', 182, 85),
  { id: 'nose', label: 'Tip of nose', view: 'front', x: 200, y: 105 },
  ...pair('jaw-angle', 'Angle of jaw', 'front', 172, 128),
  { id: 'chin', label: 'Chin', view: 'front', x: 200, y: 140 },
  { id: 'sternal-notch', label: 'Suprasternal notch', view: 'front', x: 200, y: 180 },
  ...pair('clavicle-mid', 'Middle of collarbone', 'front', 155, 185),
  ...pair('acromion-front', 'Acromion', 'front', 118, 195),
  ...pair('anterior-shoulder', 'Front of shoulder', 'front', 115, 215),
  ...pair('nipple', 'Nipple', 'front', 160, 260),
  { id: 'xiphoid', label: 'Xiphoid', view: 'front', x: 200, y: 300 },
  ...pair('elbow-front', 'Elbow crease', 'front', 92, 370),
  { id: 'umbilicus', label: 'Navel', view: 'front', x: 200, y: 390 },
  ...pair('asis', 'Anterior superior iliac spine', 'front', 160, 440),
  ...pair('greater-trochanter-front', 'Greater trochanter', 'front', 140, 480),
  { id: 'pubic-symphysis', label: 'Pubic symphysis', view: 'front', x: 200, y: 490 },
  ...pair('wrist-front', 'Wrist crease', 'front', 70, 500),
  ...pair('palm', 'Palm', 'front', 62, 540),
  ...pair('patella', 'Kneecap', 'front', 160, 690),
  ...pair('ankle-front', 'Front of ankle', 'front', 168, 920),
  ...pair('big-toe', 'Big toe', 'front', 176, 975),
  // back view (patient's right = large x)
  { id: 'occiput', label: 'Back of skull', view: 'back', x: 200, y: 100 },
  ...pair('mastoid', 'Mastoid', 'back', 222, 115),
  { id: 'c7', label: 'C7 spinous process', view: 'back', x: 200, y: 175 },
  ...pair('acromion-back', 'Acromion', 'back', 282, 195),
  ...pair('scapula-superior-angle', 'Superior angle of scapula', 'back', 240, 215),
  ...pair('scapular-spine', 'Spine of scapula (middle)', 'back', 250, 235),
  ...pair('scapula-inferior-angle', 'Inferior angle of scapula', 'back', 230, 305),
  { id: 't12', label: 'T12 spinous process', view: 'back', x: 200, y: 359 },
  ...pair('elbow-back', 'Olecranon', 'back', 308, 370),
  ...pair('iliac-crest', 'Top of iliac crest', 'back', 250, 420),
  ...pair('psis', 'Posterior superior iliac spine', 'back', 215, 450),
  { id: 'sacrum', label: 'Sacrum', view: 'back', x: 200, y: 470 },
  ...pair('greater-trochanter-back', 'Greater trochanter', 'back', 260, 480),
  { id: 'coccyx', label: 'Coccyx', view: 'back', x: 200, y: 500 },
  ...pair('ischial-tuberosity', 'Sitting bone', 'back', 225, 520),
  ...pair('gluteal-fold', 'Buttock crease', 'back', 235, 540),
  ...pair('popliteal', 'Back of knee', 'back', 240, 700),
  ...pair('calf', 'Calf belly', 'back', 240, 780),
  ...pair('heel', 'Heel', 'back', 232, 960)
]
