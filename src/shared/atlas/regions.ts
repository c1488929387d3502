/** Body regions of the atlas (a muscle's `region`), in head-to-foot order, with their labels. */
export const MUSCLE_REGIONS = [
  'head-neck',
  'shoulder',
  'arm-forearm',
  'trunk-back',
  'hip',
  'thigh',
  'leg-foot'
] as const
export type MuscleRegionId = (typeof MUSCLE_REGIONS)[number]

export const MUSCLE_REGION_LABELS: Readonly<Record<MuscleRegionId, string>> = {
  'head-neck': 'Head and neck',
  shoulder: 'Shoulder girdle',
  'arm-forearm': 'Arm and forearm',
  'trunk-back': 'Trunk and back',
  hip: 'Hip and buttock',
  thigh: 'Thigh',
  'leg-foot': 'Leg and foot'
}

/** Safety flags a muscle's `safety` notes may carry. */
export const MUSCLE_SAFETY_FLAGS = [
  'pneumothorax',
  'vessel',
  'nerve',
  'pregnancy',
  'other'
] as const

/** How every safety flag (muscles and points) reads on a badge and in a tooltip. */
export const SAFETY_FLAG_LABELS: Readonly<Record<string, string>> = {
  pregnancy: 'Pregnancy caution',
  pneumothorax: 'Pneumothorax risk',
  'chest-wall': 'Over the chest wall',
  vessel: 'Near large vessels',
  nerve: 'Near a nerve',
  eye: 'Near the eye',
  other: 'Caution'
}

export const safetyFlagLabel = (flag: string): string => SAFETY_FLAG_LABELS[flag] ?? flag
