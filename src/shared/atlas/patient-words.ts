import type { MapMuscle } from '../api/atlas'

/*
 * Explain mode's words for patients, the same on the screen and on the printed sheet
 * (core/print/explain-sheet.ts): plain language, no safety notes, no practitioner terms.
 */

/** The muscle as a patient reads it: its plain-words name where the content has one. */
export function patientMuscleName(muscle: Pick<MapMuscle, 'name' | 'patientName'>): string {
  const words = muscle.patientName?.trim()
  if (!words) return muscle.name
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export const SHEET_TITLE = 'Where your pain may come from'
export const LEGEND_SPOT = 'A tight, tender spot in the muscle (trigger point)'
export const LEGEND_ZONE = 'Where you may feel the pain'
export const EXPLAIN_NOTE =
  'A tight spot in a muscle can cause pain somewhere else. Everyone is a little different.'

/** The views that show something of the muscle (a trigger point or a zone), front first. */
export function explainViews(muscle: Pick<MapMuscle, 'triggerPoints'>): ('front' | 'back')[] {
  const used = (view: 'front' | 'back') =>
    muscle.triggerPoints.some(
      (tp) => tp.markers.some((m) => m.view === view) || tp.zones.some((z) => z.view === view)
    )
  return (['front', 'back'] as const).filter(used)
}

/** "Front", with the patient's sides as they appear on it. */
export const VIEW_WORDS = {
  front: { title: 'Front', left: 'Your right', right: 'Your left' },
  back: { title: 'Back', left: 'Your left', right: 'Your right' }
} as const
