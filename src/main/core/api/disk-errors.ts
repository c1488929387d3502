import { ApiError } from '../../../shared/api/errors'
import { isDiskWriteError } from '../db/sqlite'

/** Each save runs in one transaction, so a save that failed has changed nothing. */
export const DISK_WRITE_FAILED_MESSAGE =
  'The disk is full or could not be written. Nothing was saved; free some space and try again.'

/**
 * A full disk or a failed write (SQLITE_FULL, SQLITE_IOERR_*) as the ApiError the page shows,
 * so the clinic learns what to do instead of "Something went wrong"; null for any other error.
 */
export function diskWriteApiError(error: unknown): ApiError | null {
  return isDiskWriteError(error) ? new ApiError('io_error', DISK_WRITE_FAILED_MESSAGE) : null
}
