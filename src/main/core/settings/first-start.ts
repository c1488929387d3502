import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ApiError } from '../../../shared/api/errors'
import { isoNow } from '../clock'
import type { ModuleContext } from '../module'

/**
 * The first-start setup (docs/first-start.md) is offered while the clinic profile has never been
 * saved and nobody has skipped the setup. Finishing it saves the profile, which ends it for good;
 * skipping is remembered in this file beside the database (like backup-settings.json and
 * role.json). Not in the database: its clinic_profiles table holds the profile's revisions, which
 * the print log points at, so a "skipped" row would be a revision that is not a profile; and a
 * restore of an older backup should not bring the question back. The file's presence is the
 * answer: a damaged or empty file still means "skipped", so the setup never comes back by accident.
 */
export const FIRST_START_FILE = 'first-start.json'

export interface FirstStartFacts {
  /** The clinic profile was saved at least once (ClinicProfile.isSet). */
  readonly profileSet: boolean
  readonly skipped: boolean
  /** A read-only library cannot save the answers, so it is not asked. */
  readonly readOnly: boolean
  /** A front-desk computer cannot change the profile either (the role guard refuses it). */
  readonly frontDesk: boolean
}

export const offersFirstStart = (facts: FirstStartFacts): boolean =>
  !facts.profileSet && !facts.skipped && !facts.readOnly && !facts.frontDesk

export const firstStartSkipped = (dataDir: string): boolean =>
  existsSync(join(dataDir, FIRST_START_FILE))

/** Remembers that the setup was skipped on this library's folder; it is not offered again. */
export function recordFirstStartSkipped(dataDir: string, at: string): void {
  try {
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(join(dataDir, FIRST_START_FILE), `${JSON.stringify({ skippedAt: at })}\n`)
  } catch (error) {
    throw new ApiError(
      'io_error',
      `Pointbook could not note that the setup was skipped, so it may ask again at the next start (${error instanceof Error ? error.message : String(error)}).`
    )
  }
}

/** Whether the library opens on the setup now. */
export function firstStartOffered(
  dataDir: string,
  profileSet: boolean,
  others: Pick<FirstStartFacts, 'readOnly' | 'frontDesk'>
): boolean {
  return offersFirstStart({ profileSet, skipped: firstStartSkipped(dataDir), ...others })
}

/** `settings:skipFirstStart`: a change to the library's folder, so a read-only library refuses it. */
export function skipFirstStart(context: Pick<ModuleContext, 'dataDir' | 'guard' | 'clock'>): {
  ok: true
} {
  context.guard.assertWritable()
  recordFirstStartSkipped(context.dataDir, isoNow(context.clock))
  return { ok: true }
}
