/**
 * The shipped atlas content (resources/content), read with the importer's own schemas, for tests
 * that check what the built-in files say.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { acupointFileSchema, muscleFileSchema } from '../../src/shared/atlas/content-schema'
import type { AcupointFileEntry, MuscleFile } from '../../src/shared/atlas/content-schema'

export const CONTENT_DIR = resolve(__dirname, '../../resources/content')

/** Every YAML file of a content folder, each read into a list of items by `parse`. */
const readShipped = <T>(folder: string, parse: (data: unknown) => T[]): T[] =>
  readdirSync(join(CONTENT_DIR, folder))
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => parse(parseYaml(readFileSync(join(CONTENT_DIR, folder, f), 'utf8'))))

export const shippedMuscles = (): Map<string, MuscleFile> =>
  new Map(readShipped('muscles', (data) => [muscleFileSchema.parse(data)]).map((m) => [m.id, m]))

export const shippedAcupoints = (): Map<string, AcupointFileEntry> =>
  new Map(
    readShipped('acupoints', (data) => acupointFileSchema.parse(data)).map((p) => [p.code, p])
  )

/** One item of a map read above; a missing one fails the test with its name. */
export function mustGet<T>(items: ReadonlyMap<string, T>, key: string): T {
  const found = items.get(key)
  if (!found) throw new Error(`Nothing shipped for ${key}`)
  return found
}

/** A clinic's own point as its file may be written: no hanzi, cun or needling. */
export const CLINIC_POINT = {
  code: 'LI4',
  pinyin: 'Hegu',
  english: 'Joining Valley',
  meridian: 'LI',
  number: 4,
  region: 'hand',
  location: 'Where the clinic finds it.',
  contentVersion: 1,
  references: [{ authors: 'Our clinic', title: 'Own notes', year: 2026, source: 'In house' }]
} as const
