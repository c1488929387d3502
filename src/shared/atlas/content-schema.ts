/**
 * The built-in content files of the atlas (docs/content-format.md): one YAML file per muscle in
 * resources/content/muscles/, one list per channel in resources/content/acupoints/<CODE>.yaml.
 * Strict: an unknown key is an error (it is most often a typo that would silently drop a field).
 */
import { z } from 'zod'
import { referenceSchema, slugSchema } from '../api/common'
import {
  acupointFlagSchema,
  acupointRegionSchema,
  markerSchema,
  meridianSchema,
  muscleRegionSchema,
  muscleSafetyNoteSchema,
  nerveRootSchema,
  triggerPointSchema
} from '../api/atlas'
import { MERIDIAN_BY_CODE } from './meridians'
import { acupointNeedlingFileSchema } from './needling'
import { CUN_SEGMENT_KEYS } from './cun'

const text = z.string().trim().min(1)
const contentVersion = z.number().int().positive()
const references = z.array(referenceSchema).min(1, 'Every built-in item needs references.')

export const muscleFileSchema = z
  .object({
    id: slugSchema,
    name: text,
    /**
     * What a patient can call it, in plain words with the muscle's name in brackets ("upper
     * shoulder muscle (trapezius)"), for explain mode and its printed sheet. Optional, so clinic
     * files without it stay valid; the patient view then shows `name`.
     */
    patientName: text.max(120).optional(),
    aliases: z.array(text).default([]),
    region: muscleRegionSchema,
    action: text,
    // Cranial-nerve muscles (masseter, temporalis) have no spinal root: the list may be empty.
    innervation: z.object({ nerve: text, roots: z.array(nerveRootSchema) }).strict(),
    contentVersion,
    triggerPoints: z.array(triggerPointSchema).min(1, 'A muscle needs at least one trigger point.'),
    needling: z.object({ position: text, approach: text, cautions: text }).strict(),
    safety: z.array(muscleSafetyNoteSchema).default([]),
    references
  })
  .strict()
  .superRefine((muscle, ctx) => {
    const seen = new Set<string>()
    muscle.triggerPoints.forEach((tp, i) => {
      if (seen.has(tp.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['triggerPoints', i, 'id'],
          message: `Trigger point id "${tp.id}" is used twice.`
        })
      }
      seen.add(tp.id)
    })
  })
export type MuscleFile = z.infer<typeof muscleFileSchema>

export const acupointFileEntrySchema = z
  .object({
    code: z.string().regex(/^[A-Z]{2}\d{1,2}$/, 'A code is the channel and number, e.g. LI4.'),
    pinyin: text,
    /**
     * Other readings and names of the point (variant pinyin such as Zanzhu for BL2 Cuanzhu, old
     * names): found by search and the point finder. Optional, so entries without it keep their hash.
     */
    aliases: z.array(text).optional(),
    /** Chinese characters, simplified (traditional and variant forms go in `aliases`). */
    hanzi: text.optional(),
    /** The pinyin with tone marks, one word ("Hégǔ"); `pinyin` is the same without them. */
    pinyinTones: text.optional(),
    english: text,
    meridian: meridianSchema,
    number: z.number().int().positive(),
    region: acupointRegionSchema,
    location: text,
    /** Proportional-cun segments the location is measured on (src/shared/atlas/cun.ts). */
    cun: z.array(z.enum(CUN_SEGMENT_KEYS)).optional(),
    needling: acupointNeedlingFileSchema.optional(),
    flags: z.array(acupointFlagSchema).default([]),
    flagNotes: text.optional(),
    marker: markerSchema.optional(),
    contentVersion,
    references
  })
  .strict()
  .superRefine((point, ctx) => {
    if (point.code !== `${point.meridian}${point.number}`) {
      ctx.addIssue({
        code: 'custom',
        path: ['code'],
        message: `The code ${point.code} does not match ${point.meridian} ${point.number}.`
      })
    }
    const count = MERIDIAN_BY_CODE.get(point.meridian)?.count ?? 0
    if (point.number > count) {
      ctx.addIssue({
        code: 'custom',
        path: ['number'],
        message: `${point.meridian} has ${count} points; there is no ${point.code}.`
      })
    }
  })
export type AcupointFileEntry = z.infer<typeof acupointFileEntrySchema>

export const acupointFileSchema = z.array(acupointFileEntrySchema)
