import type { SafetyFlag } from '../../../../shared/api/search'

/**
 * How serious each flag is, most serious first: a lung puncture (pneumothorax) can threaten
 * life within hours; a large vessel or nerve can be injured by the needle itself; the eye is a
 * structure no needle may reach; deep bleeding matters only for a patient on blood thinners;
 * the chest wall is the site of the pneumothorax risk rather than a risk of its own; pregnancy
 * is a caution for some points and positions, not a hazard of the needle; 'other' last.
 */
export const FLAG_SEVERITY: readonly SafetyFlag[] = [
  'pneumothorax',
  'vessel',
  'nerve',
  'eye',
  'deep-bleeding',
  'chest-wall',
  'pregnancy',
  'other'
]

/** The flags, most serious first (each once). */
export function bySeverity(flags: readonly SafetyFlag[]): SafetyFlag[] {
  return FLAG_SEVERITY.filter((flag) => flags.includes(flag))
}

/**
 * In a list: the most serious flag is shown as a badge and the others wait behind "+N", so a
 * list of flagged muscles reads as a list of muscles, not a wall of red.
 */
export function splitFlags(flags: readonly SafetyFlag[]): {
  shown: SafetyFlag[]
  more: SafetyFlag[]
} {
  const ordered = bySeverity(flags)
  return { shown: ordered.slice(0, 1), more: ordered.slice(1) }
}
