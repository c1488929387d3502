import type { ClinicProfileDraft } from '../../../shared/api/settings'

/**
 * The profile's fields that stay on this computer (docs/clinic-network.md): its printer and its
 * start screen. Every other field is the clinic's and is shared on the clinic network.
 */
export type ThisComputerField = 'printerName' | 'startScreen'
export type ClinicWideProfile = Omit<ClinicProfileDraft, ThisComputerField>

export function clinicWidePart(draft: ClinicProfileDraft): ClinicWideProfile {
  const { printerName: _printerName, startScreen: _startScreen, ...clinicWide } = draft
  return clinicWide
}
