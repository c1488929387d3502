import type { ClinicProfile } from '../../../shared/api/settings'
import { FIRST_START_HASH } from '../../../shared/first-start'

/**
 * The hash the app opens on: the first-start setup while it is offered (first-start.ts), then the
 * front desk when the clinic chose it in Settings ("Open Pointbook on the front-desk screen"),
 * otherwise the default route. The shell appends it to the entry URL; the e2e harness does the
 * same.
 */
export const startHash = (
  profile: Pick<ClinicProfile, 'startScreen'>,
  offerFirstStart = false
): string => {
  if (offerFirstStart) return FIRST_START_HASH
  return profile.startScreen === 'front-desk' ? '#/front-desk' : ''
}
