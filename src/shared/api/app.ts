import { z } from 'zod'
import { endpoint } from './contract'
import { emptyInput } from './common'

export const appInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  sqliteVersion: z.string(),
  /** Set when the database or its folder cannot be written: the UI shows a banner and disables edits. */
  readOnly: z.boolean(),
  readOnlyReason: z.string().nullable()
})
export type AppInfo = z.infer<typeof appInfoSchema>

export const appEndpoints = {
  'app:info': endpoint(emptyInput, appInfoSchema)
}
