export const PAPER_SIZES = ['letter', 'a4'] as const
export type PaperSize = (typeof PAPER_SIZES)[number]

/** Countries that use US Letter (North and Central America, and a few others). */
const LETTER_REGIONS = new Set([
  'US',
  'CA',
  'MX',
  'PR',
  'PH',
  'CL',
  'CO',
  'VE',
  'GT',
  'CR',
  'DO',
  'SV',
  'NI',
  'PA',
  'BZ'
])

/**
 * The first default paper size, from the system locale: en-US, en-CA, fr-CA, es-MX … → Letter;
 * everything else → A4. A locale without a region is expanded with its likely region
 * (`en` → US, `fr` → FR).
 */
export function defaultPaperForLocale(locale: string | undefined): PaperSize {
  if (locale === undefined || locale === '') return 'a4'
  try {
    const region = new Intl.Locale(locale).maximize().region
    return region !== undefined && LETTER_REGIONS.has(region) ? 'letter' : 'a4'
  } catch {
    return 'a4'
  }
}

/** The paper's name as people (and CSS @page, and Electron's pageSize) write it. */
export const paperLabel = (paper: PaperSize): 'A4' | 'Letter' => (paper === 'a4' ? 'A4' : 'Letter')
