import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import type { ScryptOptions } from 'node:crypto'

/**
 * The practitioner PIN as stored: a slow, salted scrypt hash with the parameters it was made
 * with, so stronger parameters later still verify PINs set before. Never the PIN itself.
 */
export interface PinHash {
  readonly algorithm: 'scrypt'
  readonly saltHex: string
  readonly hashHex: string
  /** scrypt's cost (N), block size (r) and parallelism (p), and the key length in bytes. */
  readonly N: number
  readonly r: number
  readonly p: number
  readonly keyLength: number
}

/**
 * N = 2^15, r = 8 (OWASP's scrypt minimum is N = 2^17 with r = 8 for passwords; a PIN guarded by
 * a 5-try lock needs less, and every check blocks a thread of the pool for it): about 100 ms and
 * 32 MB a check on a 2020 laptop.
 */
export const PIN_HASH_COST = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 } as const

const SALT_BYTES = 16

export async function hashPin(pin: string, cost = PIN_HASH_COST): Promise<PinHash> {
  const salt = randomBytes(SALT_BYTES)
  const hash = await derive(pin, salt, cost)
  return {
    algorithm: 'scrypt',
    saltHex: salt.toString('hex'),
    hashHex: hash.toString('hex'),
    N: cost.N,
    r: cost.r,
    p: cost.p,
    keyLength: cost.keyLength
  }
}

/** Compares in constant time (timingSafeEqual), with the parameters stored beside the hash. */
export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hashHex, 'hex')
  const actual = await derive(pin, Buffer.from(stored.saltHex, 'hex'), stored)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** A stored value is used only when it has this exact shape (a damaged file is no PIN at all). */
export function isPinHash(value: unknown): value is PinHash {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  const positive = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n > 0
  return (
    v.algorithm === 'scrypt' &&
    typeof v.saltHex === 'string' &&
    /^[0-9a-f]{32,}$/.test(v.saltHex) &&
    typeof v.hashHex === 'string' &&
    /^[0-9a-f]{32,}$/.test(v.hashHex) &&
    positive(v.N) &&
    positive(v.r) &&
    positive(v.p) &&
    positive(v.keyLength) &&
    (v.keyLength as number) <= 64 &&
    // Bounds a hand-edited file cannot use to make a check take minutes or all the memory.
    (v.N as number) <= 2 ** 20 &&
    (v.r as number) <= 16 &&
    (v.p as number) <= 4
  )
}

function derive(
  pin: string,
  salt: Buffer,
  cost: { N: number; r: number; p: number; keyLength: number }
): Promise<Buffer> {
  const options: ScryptOptions = {
    N: cost.N,
    r: cost.r,
    p: cost.p,
    // scrypt needs 128·N·r bytes; Node's default limit (32 MB) is exactly that at our cost.
    maxmem: 256 * cost.N * cost.r + 1024 * 1024
  }
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFKC'), salt, cost.keyLength, options, (error, key) => {
      if (error) reject(error)
      else resolve(key)
    })
  })
}
