import { z } from 'zod'
import { endpoint } from './contract'
import { emptyInput, isoDateSchema, referenceSchema, slugSchema } from './common'
import { safetyFlagSchema } from './search'
import { ACUPOINT_FLAGS, ACUPOINT_REGIONS, MERIDIAN_CODES } from '../atlas/meridians'
import { MUSCLE_REGIONS, MUSCLE_SAFETY_FLAGS } from '../atlas/regions'
import { NERVE_ROOTS } from '../atlas/nerve-roots'
import { acupointNeedlingSchema } from '../atlas/needling'
import { CUN_SEGMENT_KEYS } from '../atlas/cun'

/*
 * The trigger-point atlas and the acupoints: muscles with their trigger points, markers and
 * referred-pain zones on the body map, and the 361 classical points. The same schemas (strict)
 * validate the built-in content files (src/shared/atlas/content-schema.ts).
 */

export const bodyViewSchema = z.enum(['front', 'back'])
export const muscleRegionSchema = z.enum(MUSCLE_REGIONS)
export type MuscleRegion = z.infer<typeof muscleRegionSchema>
export const nerveRootSchema = z.enum(NERVE_ROOTS)
export const meridianSchema = z.enum(MERIDIAN_CODES)
export const acupointRegionSchema = z.enum(ACUPOINT_REGIONS)
export const acupointFlagSchema = z.enum(ACUPOINT_FLAGS)
export const muscleSafetyFlagSchema = z.enum(MUSCLE_SAFETY_FLAGS)

const coordX = z.number().min(0).max(400)
const coordY = z.number().min(0).max(1000)

/** A point on the body map (viewBox 0 0 400 1000 per view, see src/shared/atlas/landmarks.ts). */
export const markerSchema = z.object({ view: bodyViewSchema, x: coordX, y: coordY }).strict()
export type Marker = z.infer<typeof markerSchema>

/** One ellipse of a referred-pain zone; `rotate` (degrees, clockwise) is optional. */
export const zoneSchema = z
  .object({
    view: bodyViewSchema,
    cx: coordX,
    cy: coordY,
    rx: z.number().positive().max(200),
    ry: z.number().positive().max(500),
    rotate: z.number().min(-180).max(180).optional()
  })
  .strict()
export type Zone = z.infer<typeof zoneSchema>

const text = z.string().trim().min(1)

export const triggerPointSchema = z
  .object({
    id: slugSchema,
    name: text,
    location: text,
    markers: z.array(markerSchema).min(1),
    referral: z.object({ description: text, zones: z.array(zoneSchema).min(1) }).strict(),
    symptoms: z.array(text).default([])
  })
  .strict()
export type TriggerPoint = z.infer<typeof triggerPointSchema>

export const muscleSafetyNoteSchema = z
  .object({ flag: muscleSafetyFlagSchema, text: text })
  .strict()

/** A muscle as the atlas shows it (the file fields plus what the library knows about it). */
export const muscleSchema = z.object({
  id: slugSchema,
  name: z.string(),
  /** Plain words for patients ("upper shoulder muscle (trapezius)"); null when the content has none. */
  patientName: z.string().nullable(),
  aliases: z.array(z.string()),
  region: muscleRegionSchema,
  action: z.string(),
  innervation: z.object({ nerve: z.string(), roots: z.array(nerveRootSchema) }),
  triggerPoints: z.array(triggerPointSchema),
  needling: z.object({ position: z.string(), approach: z.string(), cautions: z.string() }),
  safety: z.array(muscleSafetyNoteSchema),
  references: z.array(referenceSchema),
  /** The distinct safety flags of the muscle (from `safety`), for badges and search hits. */
  flags: z.array(safetyFlagSchema),
  contentVersion: z.number().int().nonnegative(),
  isBuiltin: z.boolean(),
  updatedAt: isoDateSchema
})
export type Muscle = z.infer<typeof muscleSchema>

/** What the body map needs of a muscle: enough to draw, filter, search from pain and by root. */
export const mapMuscleSchema = z.object({
  id: slugSchema,
  name: z.string(),
  patientName: z.string().nullable(),
  region: muscleRegionSchema,
  roots: z.array(nerveRootSchema),
  flags: z.array(safetyFlagSchema),
  triggerPoints: z.array(
    z.object({
      id: slugSchema,
      name: z.string(),
      markers: z.array(markerSchema),
      zones: z.array(zoneSchema)
    })
  )
})
export type MapMuscle = z.infer<typeof mapMuscleSchema>

export const acupointSchema = z.object({
  code: z.string(),
  pinyin: z.string(),
  /** Chinese characters (simplified) and tone-marked pinyin; null for a point without them. */
  hanzi: z.string().nullable(),
  pinyinTones: z.string().nullable(),
  /** Other writings: variant pinyin, traditional characters, old names. */
  aliases: z.array(z.string()),
  english: z.string(),
  meridian: meridianSchema,
  number: z.number().int().positive(),
  region: acupointRegionSchema,
  location: z.string(),
  /** The proportional-cun segments the location is measured on; empty when none is named. */
  cun: z.array(z.enum(CUN_SEGMENT_KEYS)),
  /** Angle, depth and caution; null for a point without needling data (a clinic's own file). */
  needling: acupointNeedlingSchema.nullable(),
  flags: z.array(acupointFlagSchema),
  flagNotes: z.string().nullable(),
  marker: markerSchema.nullable(),
  references: z.array(referenceSchema),
  contentVersion: z.number().int().nonnegative(),
  isBuiltin: z.boolean()
})
export type Acupoint = z.infer<typeof acupointSchema>

export const acupointSummarySchema = acupointSchema.pick({
  code: true,
  pinyin: true,
  hanzi: true,
  english: true,
  meridian: true,
  number: true,
  region: true,
  flags: true,
  marker: true
})
export type AcupointSummary = z.infer<typeof acupointSummarySchema>

export const muscleSummarySchema = z.object({
  id: slugSchema,
  name: z.string(),
  aliases: z.array(z.string()),
  region: muscleRegionSchema,
  roots: z.array(nerveRootSchema),
  flags: z.array(safetyFlagSchema),
  triggerPointCount: z.number().int().nonnegative()
})
export type MuscleSummary = z.infer<typeof muscleSummarySchema>

export const painCandidateSchema = z.object({
  muscleId: slugSchema,
  muscleName: z.string(),
  region: muscleRegionSchema,
  flags: z.array(safetyFlagSchema),
  /** Best normalised distance: 0 at a zone's centre, 1 on its edge. */
  distance: z.number(),
  /** How many of the muscle's zones cover the spot (either side). */
  zonesCovering: z.number().int().nonnegative(),
  /** The spot lies in the mirror image of a zone drawn on the other side. */
  mirrored: z.boolean(),
  triggerPointIds: z.array(slugSchema)
})
export type PainCandidate = z.infer<typeof painCandidateSchema>

export const spotSchema = z
  .object({ view: bodyViewSchema, x: coordX, y: coordY, region: muscleRegionSchema.optional() })
  .strict()

export const segmentalResultSchema = z.object({
  roots: z.array(nerveRootSchema),
  muscles: z.array(
    z.object({
      muscleId: slugSchema,
      muscleName: z.string(),
      region: muscleRegionSchema,
      flags: z.array(safetyFlagSchema),
      roots: z.array(nerveRootSchema),
      matched: z.array(nerveRootSchema)
    })
  ),
  /** Paraspinal bands to needle at the same levels (IMS), drawn on the back view. */
  paraspinal: z.array(z.object({ root: nerveRootSchema, y0: z.number(), y1: z.number() }))
})
export type SegmentalResult = z.infer<typeof segmentalResultSchema>

export const atlasEndpoints = {
  /** Everything the body map draws, in one call (about 50 muscles and 70 placed points). */
  'atlas:map': endpoint(
    emptyInput,
    z.object({
      muscles: z.array(mapMuscleSchema),
      acupoints: z.array(acupointSummarySchema.extend({ marker: markerSchema }))
    })
  ),
  'atlas:muscles': endpoint(
    z.object({ region: muscleRegionSchema.optional() }).strict(),
    z.array(muscleSummarySchema)
  ),
  'atlas:muscle': endpoint(z.object({ id: slugSchema }).strict(), muscleSchema),
  /** Search from pain: muscles whose referred-pain zones cover a spot on the map, best first. */
  'atlas:fromPain': endpoint(spotSchema, z.array(painCandidateSchema)),
  /** Segmental lookup (IMS): muscles supplied by any of the roots, and their paraspinal bands. */
  'atlas:byRoots': endpoint(
    z.object({ roots: z.array(nerveRootSchema).min(1).max(NERVE_ROOTS.length) }).strict(),
    segmentalResultSchema
  ),
  'acupoints:list': endpoint(
    z.object({ meridian: meridianSchema.optional() }).strict(),
    z.array(acupointSummarySchema)
  ),
  /** A point by its code written any way: "LI4", "li 4", "li-4", "Co4" all open Hegu. */
  'acupoints:get': endpoint(z.object({ code: z.string().min(1).max(20) }).strict(), acupointSchema),
  /** Points matching a code, pinyin or English name, however written. */
  'acupoints:find': endpoint(
    z
      .object({ q: z.string().max(100), limit: z.number().int().min(1).max(361).optional() })
      .strict(),
    z.array(acupointSummarySchema)
  )
}
