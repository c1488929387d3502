import type { SafetyFlag } from '../api/search'

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
  'deep-bleeding',
  'other'
] as const

/**
 * How every safety flag (muscles and points) reads on a badge and in a tooltip. A Record over the
 * contract's flags: a new flag without a label fails the type check.
 */
export const SAFETY_FLAG_LABELS: Readonly<Record<SafetyFlag, string>> = {
  pregnancy: 'Pregnancy caution',
  pneumothorax: 'Pneumothorax risk',
  'chest-wall': 'Over the chest wall',
  vessel: 'Near large vessels',
  nerve: 'Near a nerve',
  eye: 'Near the eye',
  // Deep muscle: bleeding here cannot be controlled by pressure (anticoagulants, antiplatelets).
  'deep-bleeding': 'Deep bleeding risk',
  other: 'Caution'
}

export const safetyFlagLabel = (flag: SafetyFlag): string => SAFETY_FLAG_LABELS[flag]
