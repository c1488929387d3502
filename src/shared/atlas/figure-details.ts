/**
 * The body map's landmark lines (face, collarbones, ribs, spine, joints) as data, drawn with the
 * path helpers of figure.ts to the coordinates of landmarks.ts.
 */
import { pair, line, ring } from './figure'
import type { DetailPath } from './figure'

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
