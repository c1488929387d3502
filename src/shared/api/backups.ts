import { z } from 'zod'
import { endpoint } from './contract'
import { emptyInput, isoDateSchema } from './common'

/** Backup file names are made by the core: `pointbook-<time>-<reason>.sqlite`. */
export const backupFileNameSchema = z
  .string()
  .max(120)
  .regex(
    /^pointbook-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z-[a-z0-9-]+\.sqlite$/,
    'That is not the name of a Pointbook backup.'
  )

export const clinicContentSchema = z.object({
  articles: z.number().int().nonnegative(),
  clinicArticles: z.number().int().nonnegative(),
  notes: z.number().int().nonnegative(),
  editedHandouts: z.number().int().nonnegative()
})
export type ClinicContentSummary = z.infer<typeof clinicContentSchema>

export const backupSummarySchema = z.object({
  fileName: backupFileNameSchema,
  createdAt: isoDateSchema,
  /** 'daily', 'manual', 'pre-migration', 'pre-import', 'pre-restore'. */
  reason: z.string().max(40),
  sizeBytes: z.number().int().nonnegative(),
  /** Null when the backup could not be read (it is then not offered for restoring). */
  content: clinicContentSchema.nullable()
})
export type BackupSummary = z.infer<typeof backupSummarySchema>

export const backupProblemSchema = z.object({ at: isoDateSchema, message: z.string().max(600) })

export const backupStatusSchema = z.object({
  backups: z.array(backupSummarySchema),
  /** Hours since the newest backup that passed its check; null when there is none. */
  newestAgeHours: z.number().nonnegative().nullable(),
  /** The last backup that failed, until one succeeds (the banner). */
  lastFailure: backupProblemSchema.nullable(),
  /** Every backup is also copied here (a second disk, a USB stick); null when not set. */
  secondFolder: z.string().max(1000).nullable(),
  /** What the last restore did, when the app was restarted for one. */
  lastRestore: z.object({ at: isoDateSchema, ok: z.boolean(), message: z.string() }).nullable(),
  /** Backups cannot be made or restored while the library is read-only. */
  readOnly: z.boolean()
})
export type BackupStatus = z.infer<typeof backupStatusSchema>

export const backupEndpoints = {
  'backups:status': endpoint(emptyInput, backupStatusSchema),
  'backups:create': endpoint(
    emptyInput,
    z.object({ backup: backupSummarySchema, secondFolderProblem: z.string().nullable() })
  ),
  /**
   * Backs up the current library, then restores the chosen backup when the app restarts (no
   * library is open during the swap). Resolves before the restart.
   */
  'backups:restore': endpoint(
    z.object({ fileName: backupFileNameSchema }).strict(),
    z.object({ restarting: z.boolean() })
  ),
  /** Copies a backup where the clinic chooses (the save dialog). */
  'backups:saveCopy': endpoint(
    z.object({ fileName: backupFileNameSchema }).strict(),
    z.object({ savedTo: z.string().nullable() })
  ),
  'backups:chooseSecondFolder': endpoint(
    emptyInput,
    z.object({ secondFolder: z.string().nullable() })
  ),
  'backups:clearSecondFolder': endpoint(emptyInput, z.object({ secondFolder: z.null() }))
} as const
