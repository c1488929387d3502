import { existsSync, readdirSync } from 'node:fs'
import { readShippedText } from '../content/shipped-file'
import { join } from 'node:path'
import * as atlasContent from '../../../shared/atlas/content-schema'
import type { AcupointFileEntry, MuscleFile } from '../../../shared/atlas/content-schema'
import { MERIDIAN_CODES } from '../../../shared/atlas/meridians'
import { describeZodError } from '../api/dispatch'
import { textHash } from '../content/content-hash'
import type { ShippedItem } from '../content/builtin-tracking'
import { fromBuildJson } from '../content/build-derived'
import { parseYaml } from '../content/yaml'
import type { z } from 'zod'

/** Tracking kinds (builtin_items.kind) of the atlas's built-in content. */
export const MUSCLE_KIND = 'muscle'
export const ACUPOINT_KIND = 'acupoint'

/** The hash of a muscle's or point's content; never change its inputs once shipped. */
export const muscleHash = (content: MuscleFile): string => {
  const { contentVersion: _v, ...rest } = content
  return textHash(rest)
}
export const acupointHash = (content: AcupointFileEntry): string => {
  const { contentVersion: _v, ...rest } = content
  return textHash(rest)
}

export interface LoadedAtlas {
  readonly muscles: ShippedItem<MuscleFile>[]
  readonly acupoints: ShippedItem<AcupointFileEntry>[]
  /** Files or entries that could not be used, with the reason (warnings, never fatal). */
  readonly problems: string[]
}

/** A shipped atlas file's YAML as `schema` accepts it; throws the reason it is not usable. */
export function checkAtlasYaml<T>(text: string, schema: z.ZodType<T>): T {
  let data: unknown
  try {
    data = parseYaml(text) as unknown
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new Error(`not valid YAML: ${detail}`)
  }
  const parsed = schema.safeParse(data)
  if (!parsed.success) throw new Error(describeZodError(parsed.error))
  return parsed.data
}

/**
 * checkAtlasYaml of a file; during an import, a value the build already checked for this very
 * text and code is taken as is (content/build-derived.ts: ~0.1 s of a first run's CPU).
 */
function readChecked<T>(
  path: string,
  kind: 'atlas-muscle' | 'atlas-acupoints',
  schema: z.ZodType<T>
): T {
  const text = readShippedText(path)
  return fromBuildJson(kind, text, () => checkAtlasYaml(text, schema))
}

/**
 * Reads resources/content/muscles/<id>.yaml and resources/content/acupoints/<CODE>.yaml and
 * validates every file before anything is written. A bad file is reported and left out; the rest
 * still import. Ids must be unique (a trigger point id across all muscles, a code across files).
 */
export function loadBuiltinAtlas(resourcesDir: string): LoadedAtlas {
  const problems: string[] = []
  const muscles: ShippedItem<MuscleFile>[] = []
  const acupoints: ShippedItem<AcupointFileEntry>[] = []

  const muscleDir = join(resourcesDir, 'content', 'muscles')
  const tpOwners = new Map<string, string>()
  if (existsSync(muscleDir)) {
    for (const file of readdirSync(muscleDir).filter(isYaml).sort()) {
      const where = `Built-in muscle ${file}`
      try {
        const muscle = readChecked(
          join(muscleDir, file),
          'atlas-muscle',
          atlasContent.muscleFileSchema
        )
        if (`${muscle.id}.yaml` !== file && `${muscle.id}.yml` !== file) {
          throw new Error(`the id "${muscle.id}" does not match the file name.`)
        }
        const clash = muscle.triggerPoints.find((tp) => tpOwners.has(tp.id))
        if (clash) {
          throw new Error(
            `trigger point id "${clash.id}" is already used by ${tpOwners.get(clash.id)}.`
          )
        }
        for (const tp of muscle.triggerPoints) tpOwners.set(tp.id, muscle.id)
        muscles.push({
          kind: MUSCLE_KIND,
          id: muscle.id,
          contentVersion: muscle.contentVersion,
          textHash: muscleHash(muscle),
          content: muscle
        })
      } catch (error) {
        problems.push(`${where} was not imported: ${reasonOf(error)}`)
      }
    }
  }

  const pointDir = join(resourcesDir, 'content', 'acupoints')
  const seen = new Set<string>()
  if (existsSync(pointDir)) {
    for (const file of readdirSync(pointDir).filter(isYaml).sort()) {
      const meridian = file.replace(/\.ya?ml$/, '')
      const where = `Built-in acupoints ${file}`
      if (!(MERIDIAN_CODES as readonly string[]).includes(meridian)) {
        problems.push(`${where} was not imported: the file name is not a channel code.`)
        continue
      }
      try {
        const points = readChecked(
          join(pointDir, file),
          'atlas-acupoints',
          atlasContent.acupointFileSchema
        )
        const wrong = points.find((p) => p.meridian !== meridian)
        if (wrong) throw new Error(`${wrong.code} does not belong in ${file}.`)
        const twice = points.find((p, i) => points.findIndex((q) => q.code === p.code) !== i)
        if (twice) throw new Error(`${twice.code} is listed twice.`)
        for (const point of points) {
          if (seen.has(point.code)) continue
          seen.add(point.code)
          acupoints.push({
            kind: ACUPOINT_KIND,
            id: point.code,
            contentVersion: point.contentVersion,
            textHash: acupointHash(point),
            content: point
          })
        }
      } catch (error) {
        problems.push(`${where} was not imported: ${reasonOf(error)}`)
      }
    }
  }
  return { muscles, acupoints, problems }
}

const isYaml = (file: string): boolean => file.endsWith('.yaml') || file.endsWith('.yml')

const reasonOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error)
