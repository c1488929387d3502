import { z } from 'zod'
import { endpoint } from './contract'
import { emptyInput, isoDateSchema } from './common'

/**
 * Who uses this computer (docs/front-desk-role.md): a practitioner (everything) or the front
 * desk (read, print, save PDFs, the print log; every edit refused by the core).
 */
export const ROLE_MODES = ['practitioner', 'front-desk'] as const
export const roleModeSchema = z.enum(ROLE_MODES)
export type RoleMode = z.infer<typeof roleModeSchema>

/** Wrong PINs in a row that lock leaving front-desk mode, and for how long. */
export const PIN_MAX_TRIES = 5
export const PIN_LOCK_MS = 60_000

export const pinSchema = z.string().regex(/^\d{4,12}$/, 'The PIN is 4 to 12 digits (numbers only).')

export const roleStatusSchema = z.object({
  mode: roleModeSchema,
  /** A practitioner PIN is set (front-desk mode needs one: it is the only way back). */
  pinSet: z.boolean(),
  /** Until when leaving front-desk mode is locked after too many wrong PINs; null when it is not. */
  lockedUntil: isoDateSchema.nullable(),
  /** Wrong PINs still allowed before the lock. */
  triesLeft: z.number().int().nonnegative()
})
export type RoleStatus = z.infer<typeof roleStatusSchema>

export const roleEndpoints = {
  'role:status': endpoint(emptyInput, roleStatusSchema),
  /** Sets or changes the practitioner PIN (practitioner mode only). */
  'role:setPin': endpoint(z.object({ pin: pinSchema }).strict(), roleStatusSchema),
  /** Anyone may lock this computer down to the front desk; a PIN must be set first. */
  'role:enterFrontDesk': endpoint(emptyInput, roleStatusSchema),
  /** Back to practitioner mode with the PIN; 5 wrong PINs lock this for a minute. */
  'role:leaveFrontDesk': endpoint(
    z.object({ pin: z.string().min(1, 'Enter the PIN.').max(40) }).strict(),
    roleStatusSchema
  )
}
