import { existsSync, readdirSync } from 'node:fs'
import { readShippedText } from '../content/shipped-file'
import { join } from 'node:path'
import { acupointFileSchema, muscleFileSchema } from '../../../shared/atlas/content-schema'
import type { AcupointFileEntry, MuscleFile } from '../../../shared/atlas/content-schema'
import { MERIDIAN_CODES } from '../../../shared/atlas/meridians'
import { describeZodError } from '../api/dispatch'
import { textHash } from '../content/content-hash'
import type { ShippedItem } from '../content/builtin-tracking'
import { parseYaml } from '../content/yaml'

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

function readYaml(path: string): unknown {
  const text = readShippedText(path)
  try {
    return parseYaml(text) as unknown
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new Error(`not valid YAML: ${detail}`)
  }
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
        const parsed = muscleFileSchema.safeParse(readYaml(join(muscleDir, file)))
        if (!parsed.success) throw new Error(describeZodError(parsed.error))
        const muscle = parsed.data
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
        const parsed = acupointFileSchema.safeParse(readYaml(join(pointDir, file)))
        if (!parsed.success) throw new Error(describeZodError(parsed.error))
        const wrong = parsed.data.find((p) => p.meridian !== meridian)
        if (wrong) throw new Error(`${wrong.code} does not belong in ${file}.`)
        const twice = parsed.data.find(
          (p, i) => parsed.data.findIndex((q) => q.code === p.code) !== i
        )
        if (twice) throw new Error(`${twice.code} is listed twice.`)
        for (const point of parsed.data) {
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
