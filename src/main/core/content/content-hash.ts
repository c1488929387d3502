import { createHash } from 'node:crypto'

/**
 * sha256 of a value's JSON form. Used to compare an item's current text with the built-in text
 * last imported; once shipped, what goes into a kind's hash must never change, or every
 * built-in item of that kind would suddenly look edited.
 */
export const textHash = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex')
