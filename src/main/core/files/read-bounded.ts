import { closeSync, fstatSync, openSync, readSync } from 'node:fs'

export interface BoundedReadErrors {
  readonly cannotOpen: (error: unknown) => Error
  readonly tooLarge: (size: number) => Error
}

/**
 * Reads a whole file that must not be larger than `maxBytes`, through one descriptor: the size
 * is checked before any memory is taken, and the size checked is the size read.
 */
export function readBounded(path: string, maxBytes: number, errors: BoundedReadErrors): Buffer {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (error) {
    throw errors.cannotOpen(error)
  }
  try {
    const size = fstatSync(fd).size
    if (size > maxBytes) throw errors.tooLarge(size)
    const bytes = Buffer.alloc(size)
    let read = 0
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read)
      if (n === 0) break
      read += n
    }
    return bytes.subarray(0, read)
  } finally {
    closeSync(fd)
  }
}
