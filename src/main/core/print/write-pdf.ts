import { randomBytes } from 'node:crypto'
import { renameSync, unlinkSync, writeFileSync } from 'node:fs'
import { ApiError } from '../../../shared/api/errors'

/**
 * Writes a saved PDF whole or not at all (a temporary file, then a rename): a full disk or a
 * folder the clinic may not write to leaves no half PDF, and the message says what to do.
 */
export function writePdfAtomically(path: string, data: Buffer): void {
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`
  try {
    writeFileSync(temp, data, { flag: 'wx' })
    renameSync(temp, path)
  } catch (error) {
    try {
      unlinkSync(temp)
    } catch {
      // nothing was written
    }
    const reason =
      error instanceof Error && 'code' in error
        ? String((error as { code: unknown }).code)
        : 'unknown error'
    throw new ApiError(
      'io_error',
      `The PDF could not be saved there (${reason}). Choose another folder.`
    )
  }
}
