import { z } from 'zod'
import { endpoint } from './contract'
import { START_SCREENS } from './constants'
import { emptyInput, okOutput } from './common'
import { PAPER_SIZES } from '../handouts/paper'
import { LANG_TAG_RE } from '../handouts/languages'

export { START_SCREENS }

export const paperSchema = z.enum(PAPER_SIZES)
export const langTagSchema = z
  .string()
  .min(2)
  .max(20)
  .regex(LANG_TAG_RE, 'Use a language tag such as en, fr-CA, es or zh-Hans.')

/** Control characters (other than line breaks in the address) are never part of a profile. */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const noControl = (value: string): boolean => !/[\u0000-\u0009\u000b-\u001f\u007f]/.test(value)
const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .refine(noControl, `${label} contains invisible control characters.`)

const PHONE_RE = /^[\p{L}\p{N}\p{P}\p{Zs}+]*$/u

export const LOGO_MIME_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const
export const LOGO_MAX_BYTES = 512 * 1024

export const logoSchema = z.object({
  mime: z.enum(LOGO_MIME_TYPES),
  /** The image bytes, base64 (an SVG is stored sanitized). */
  dataBase64: z.string().max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 4),
  width: z.number().nullable(),
  height: z.number().nullable()
})
export type ClinicLogo = z.infer<typeof logoSchema>

/** What the clinic types in Settings; every field validated with a message a person can act on. */
export const clinicProfileDraftSchema = z
  .object({
    name: text('The clinic name', 120).pipe(z.string().min(1, 'The clinic name is required.')),
    address: text('The address', 300),
    phone: text('The phone number', 60)
      .refine(
        (v) => PHONE_RE.test(v),
        'The phone number has characters a phone number cannot have.'
      )
      .refine(
        (v) => v === '' || (v.match(/\d/g) ?? []).length >= 3,
        'The phone number needs at least 3 digits.'
      ),
    email: text('The email address', 200).refine(
      (v) => v === '' || z.email().safeParse(v).success,
      'Enter an email address such as front@clinic.ca, or leave it empty.'
    ),
    website: text('The website', 200).refine(
      (v) => v === '' || isWebsite(v),
      'Enter a web address such as clinic.ca or https://clinic.ca, or leave it empty.'
    ),
    practitioners: z
      .array(
        text("A practitioner's name", 120).pipe(
          z.string().min(1, 'A practitioner name cannot be empty.')
        )
      )
      .max(30, 'At most 30 practitioners.'),
    defaultPaper: paperSchema,
    defaultLang: langTagSchema,
    /** The default language's footer line; kept for profiles and prints from before `footerLines`. */
    footerLine: text('The footer line', 200),
    /** The footer line per handout language: each sheet prints its own (shared/handouts/footer-line.ts). */
    footerLines: z
      .object({
        en: text('The English footer line', 200),
        'fr-CA': text('The French footer line', 200),
        'zh-Hans': text('The Chinese footer line', 200)
      })
      .partial()
      .strict()
      .optional(),
    /** Silent printing goes only to this printer; null = always show the system print dialog. */
    printerName: z.string().trim().min(1).max(200).nullable(),
    startScreen: z.enum(START_SCREENS)
  })
  .strict()
export type ClinicProfileDraft = z.infer<typeof clinicProfileDraftSchema>

export const clinicProfileSchema = clinicProfileDraftSchema.extend({
  logo: logoSchema.nullable(),
  /** Increases with every save; the print log records it so a reprint uses the same profile. */
  revision: z.number().int().nonnegative(),
  /** False until the clinic saves the profile once (the front desk shows a reminder). */
  isSet: z.boolean()
})
export type ClinicProfile = z.infer<typeof clinicProfileSchema>

/** A web address: http(s) only, with a dotted host name. Anything else (javascript:, data:) is refused. */
export function isWebsite(value: string): boolean {
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`
  try {
    const url = new URL(candidate)
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url.hostname) &&
      url.username === '' &&
      url.password === ''
    )
  } catch {
    return false
  }
}

export const printerSchema = z.object({
  name: z.string(),
  displayName: z.string(),
  isDefault: z.boolean()
})
export type PrinterInfo = z.infer<typeof printerSchema>

export const settingsEndpoints = {
  'settings:getProfile': endpoint(emptyInput, clinicProfileSchema),
  /** The profile as one of its versions holds it (a version saved on another computer, say). */
  'settings:profileAt': endpoint(
    z.object({ revision: z.number().int().positive() }).strict(),
    clinicProfileSchema
  ),
  'settings:saveProfile': endpoint(clinicProfileDraftSchema, clinicProfileSchema),
  /** The file's bytes as read by the page; checked (type, size, image header) and SVG sanitized. */
  'settings:setLogo': endpoint(
    z
      .object({
        fileName: z.string().max(260),
        dataBase64: z
          .string()
          .max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 4, 'The logo is too large (512 KB at most).')
      })
      .strict(),
    clinicProfileSchema
  ),
  'settings:clearLogo': endpoint(emptyInput, clinicProfileSchema),
  /**
   * The first-start setup was skipped: the app no longer opens on it (finishing it is a
   * saveProfile). Every answer stays editable in Settings.
   */
  'settings:skipFirstStart': endpoint(emptyInput, okOutput),
  /** Printers the system knows, for choosing the one silent printing may use. */
  'settings:printers': endpoint(emptyInput, z.array(printerSchema))
}
