/**
 * How a point is needled: angle, depth range in cun and the caution that goes with it. Built-in
 * points carry it (typical adult ranges from the textbooks in their references, the more
 * conservative one where texts disagree); it is optional, so a clinic's own files stay valid.
 * A point that is not needled (ST17, CV8) says so with `notNeedled: true` and a caution.
 */
import { z } from 'zod'

export const NEEDLE_ANGLES = ['perpendicular', 'oblique', 'transverse'] as const
export const needleAngleSchema = z.enum(NEEDLE_ANGLES)
export type NeedleAngle = z.infer<typeof needleAngleSchema>

/** The deepest range any point is given (GB30, in the buttock, is the deepest at 2.5 cun). */
export const MAX_NEEDLING_DEPTH_CUN = 3

const text = z.string().trim().min(1)
const cunDepth = z.number().min(0.05).max(MAX_NEEDLING_DEPTH_CUN)

export const needlingDepthSchema = z
  .object({ min: cunDepth, max: cunDepth, unit: z.literal('cun') })
  .strict()
  .refine((d) => d.min <= d.max, {
    message: 'The depth min must not be larger than max.',
    path: ['min']
  })
export type NeedlingDepth = z.infer<typeof needlingDepthSchema>

/** The `needling` field of a point in resources/content/acupoints/<CODE>.yaml. */
export const acupointNeedlingFileSchema = z
  .object({
    notNeedled: z.literal(true).optional(),
    /** One angle, or the alternatives a text allows ([oblique, transverse]). */
    angle: z.union([needleAngleSchema, z.array(needleAngleSchema).min(1).max(3)]).optional(),
    /** Where the needle points ("toward the spine", "laterally, away from the chest"). */
    direction: text.max(200).optional(),
    depth: needlingDepthSchema.optional(),
    caution: text.max(600).optional(),
    note: text.max(600).optional()
  })
  .strict()
  .superRefine((n, ctx) => {
    if (n.notNeedled) {
      for (const key of ['angle', 'direction', 'depth'] as const) {
        if (n[key] !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `A point that is not needled has no ${key}.`
          })
        }
      }
      if (!n.caution) {
        ctx.addIssue({
          code: 'custom',
          path: ['caution'],
          message: 'Say why the point is not needled in caution.'
        })
      }
      return
    }
    for (const key of ['angle', 'depth'] as const) {
      if (n[key] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `Needling needs an ${key} (or notNeedled: true).`
        })
      }
    }
  })
export type AcupointNeedlingFile = z.infer<typeof acupointNeedlingFileSchema>

/** What the point page receives: the file's field with the angle always a list. */
export const acupointNeedlingSchema = z.object({
  needled: z.boolean(),
  angles: z.array(needleAngleSchema),
  direction: z.string().nullable(),
  depth: needlingDepthSchema.nullable(),
  caution: z.string().nullable(),
  note: z.string().nullable()
})
export type AcupointNeedling = z.infer<typeof acupointNeedlingSchema>

export function toNeedlingView(n: AcupointNeedlingFile): AcupointNeedling {
  const angles = n.angle === undefined ? [] : Array.isArray(n.angle) ? n.angle : [n.angle]
  return {
    needled: n.notNeedled !== true,
    angles: [...angles],
    direction: n.direction ?? null,
    depth: n.depth ?? null,
    caution: n.caution ?? null,
    note: n.note ?? null
  }
}

/** "Oblique or transverse", "0.3–0.5 cun" for the page (and anything else that shows them). */
export const capitalize = (words: string): string => words.charAt(0).toUpperCase() + words.slice(1)
export const describeAngles = (angles: readonly NeedleAngle[]): string =>
  capitalize(angles.join(' or '))
export function describeDepth(depth: NeedlingDepth): string {
  return depth.min === depth.max
    ? `${depth.min} ${depth.unit}`
    : `${depth.min}–${depth.max} ${depth.unit}`
}
