import type { Shot } from './screenshots'
import { ATLAS_SHOTS } from './screenshot-shots-atlas'
import { HANDOUT_SHOTS } from './screenshot-shots-handouts'

/**
 * Screens added by later features (handouts, front desk, atlas, notes). Each feature appends its
 * shots here so `npm run screenshots` covers every screen.
 */
export const EXTRA_SHOTS: Shot[] = [
  // Issue 4: the atlas, acupoints and notes.
  ...ATLAS_SHOTS,
  // Issue 3: handouts and printing.
  ...HANDOUT_SHOTS
]
