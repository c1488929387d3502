import type { ClinicProfile } from '../../../shared/api/settings'

/**
 * The hash the app opens on: the front desk when the clinic chose it in Settings ("Open
 * Pointbook on the front-desk screen"), otherwise the default route. The shell appends it to the
 * entry URL; the e2e harness does the same.
 */
export const startHash = (profile: Pick<ClinicProfile, 'startScreen'>): string =>
  profile.startScreen === 'front-desk' ? '#/front-desk' : ''
