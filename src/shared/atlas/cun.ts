/**
 * Proportional bone measurements (B-cun, WHO 2008 standard locations): a body segment between two
 * landmarks is divided into a fixed number of cun, so a point "3 cun above the wrist crease" scales
 * with the patient. A point's `cun` list names the segments its location is measured on, and its
 * page shows them ("Forearm: elbow crease to wrist crease = 12 cun").
 */
interface CunSegmentInfo {
  readonly label: string
  readonly from: string
  readonly to: string
  readonly cun: number
  /** The whole line after the label, where "from … to … = N cun" does not fit. */
  readonly text?: string
}

export const CUN_SEGMENTS = {
  'head-length': {
    label: 'Head, front to back',
    from: 'front hairline (midline)',
    to: 'back hairline (midline)',
    cun: 12
  },
  'brow-hairline': {
    label: 'Forehead',
    from: 'between the eyebrows (glabella)',
    to: 'front hairline',
    cun: 3
  },
  'hairline-c7': {
    label: 'Back of the neck',
    from: 'back hairline',
    to: 'spinous process of C7',
    cun: 3
  },
  'head-width-front': {
    label: 'Forehead width',
    from: 'one corner of the front hairline (ST8)',
    to: 'the other',
    cun: 9
  },
  'head-width-back': {
    label: 'Back of the head, width',
    from: 'one mastoid process',
    to: 'the other',
    cun: 9
  },
  'chest-width': {
    label: 'Chest and abdomen width',
    from: 'one nipple (mid-clavicular line)',
    to: 'the other',
    cun: 8
  },
  sternum: {
    label: 'Breastbone',
    from: 'suprasternal notch',
    to: 'sternocostal angle (lower end of the sternum body)',
    cun: 9
  },
  'upper-abdomen': {
    label: 'Upper abdomen',
    from: 'sternocostal angle',
    to: 'centre of the navel',
    cun: 8
  },
  'lower-abdomen': {
    label: 'Lower abdomen',
    from: 'centre of the navel',
    to: 'upper border of the pubic symphysis',
    cun: 5
  },
  'back-width': {
    label: 'Back width',
    from: 'medial border of the scapula',
    to: 'back midline',
    cun: 3
  },
  flank: {
    label: 'Side of the trunk',
    from: 'apex of the armpit',
    to: 'free end of the 11th rib',
    cun: 12
  },
  'upper-arm': {
    label: 'Upper arm',
    from: 'end of the armpit fold',
    to: 'elbow crease',
    cun: 9
  },
  forearm: { label: 'Forearm', from: 'elbow crease', to: 'wrist crease', cun: 12 },
  'thigh-medial': {
    label: 'Inner thigh',
    from: 'upper border of the pubic symphysis',
    to: 'medial epicondyle of the femur',
    cun: 18
  },
  'thigh-lateral': {
    label: 'Outer and front thigh',
    from: 'prominence of the greater trochanter',
    to: 'knee crease (level of the popliteal crease)',
    cun: 19
  },
  'thigh-back': {
    label: 'Back of the thigh',
    from: 'buttock crease',
    to: 'crease behind the knee',
    cun: 14
  },
  'lower-leg-medial': {
    label: 'Inner lower leg',
    from: 'lower border of the medial condyle of the tibia',
    to: 'tip of the medial malleolus',
    cun: 13
  },
  'lower-leg-lateral': {
    label: 'Outer and back lower leg',
    from: 'crease behind the knee',
    to: 'tip of the lateral malleolus',
    cun: 16
  },
  'ankle-sole': {
    label: 'Ankle height',
    from: 'tip of the lateral malleolus',
    to: 'sole',
    cun: 3
  },
  'finger-cun': {
    label: 'Finger measure (short distances only)',
    from: 'the width of four of the patient’s fingers held together',
    to: '',
    cun: 3,
    text: 'the width of the patient’s thumb at its joint = 1 cun; four fingers held together = 3 cun'
  }
} as const satisfies Record<string, CunSegmentInfo>

export type CunSegment = keyof typeof CUN_SEGMENTS
export const CUN_SEGMENT_KEYS = Object.keys(CUN_SEGMENTS) as [CunSegment, ...CunSegment[]]

/** "Forearm: elbow crease to wrist crease = 12 cun", the line a point page shows. */
export function describeCunSegment(key: CunSegment): string {
  const s: CunSegmentInfo = CUN_SEGMENTS[key]
  return `${s.label}: ${s.text ?? `${s.from} to ${s.to} = ${s.cun} cun`}`
}
