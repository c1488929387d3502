import { lstatSync } from 'node:fs'
import { readBounded } from '../files/read-bounded'

/**
 * The most a built-in content file may hold. The largest shipped file is under 100 kB; a 48 MB
 * article once stopped start-up while it was parsed (issue 8).
 */
export const SHIPPED_FILE_MAX_BYTES = 2 * 1024 * 1024

/** A shipped file that is not read, with a sentence saying why (reported as a warning). */
export class ShippedFileError extends Error {}

/**
 * Reads one built-in content file as text, refusing what a clean install never holds: a link
 * (it could point anywhere on the computer, outside the app's resources) and a file over the
 * size limit. Read through one descriptor, so the size checked is the size read.
 */
export function readShippedText(path: string): string {
  let link: boolean
  try {
    link = lstatSync(path).isSymbolicLink()
  } catch (error) {
    throw new ShippedFileError(`It could not be read (${codeOf(error)}).`)
  }
  if (link) throw new ShippedFileError('It is a link to another file, which is never followed.')
  const bytes = readBounded(path, SHIPPED_FILE_MAX_BYTES, {
    cannotOpen: (error) => new ShippedFileError(`It could not be read (${codeOf(error)}).`),
    tooLarge: (size) =>
      new ShippedFileError(
        `It is ${(size / (1024 * 1024)).toFixed(1)} MB; built-in files are at most ` +
          `${SHIPPED_FILE_MAX_BYTES / (1024 * 1024)} MB.`
      )
  })
  return bytes.toString('utf8')
}

const codeOf = (error: unknown): string =>
  String((error as { code?: unknown } | null)?.code ?? error)
