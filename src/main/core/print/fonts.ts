import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * Print fonts, embedded into the print document as data: URLs so that every machine breaks lines
 * the same way and every PDF carries its fonts (docs/checklist.md P1). The @fontsource packages split each
 * family into subsets by unicode-range; we embed only the subsets the document's characters need,
 * so an English handout carries ~50 KB of Noto Sans and a Chinese one only the Noto Sans SC
 * slices that hold its characters.
 */
export type FontFamily = 'Noto Sans' | 'Noto Sans SC'

interface FontFace {
  readonly family: FontFamily
  readonly weight: 400 | 700
  readonly style: 'normal' | 'italic'
  readonly file: string
  readonly ranges: ReadonlyArray<readonly [number, number]>
  readonly rangeText: string
}

const PACKAGES: Readonly<Record<FontFamily, string>> = {
  'Noto Sans': '@fontsource/noto-sans',
  'Noto Sans SC': '@fontsource/noto-sans-sc'
}

const STYLES: Readonly<
  Record<FontFamily, ReadonlyArray<readonly [400 | 700, 'normal' | 'italic']>>
> = {
  'Noto Sans': [
    [400, 'normal'],
    [700, 'normal'],
    [400, 'italic'],
    [700, 'italic']
  ],
  // No italic cut exists for Chinese; the browser slants the upright face when asked.
  'Noto Sans SC': [
    [400, 'normal'],
    [700, 'normal']
  ]
}

const requireHere = createRequire(__filename)

const packageDir = (family: FontFamily): string =>
  dirname(requireHere.resolve(`${PACKAGES[family]}/package.json`))

export function parseUnicodeRange(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const part of text.split(',')) {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part)
    if (m === null) continue
    const first = m[1] as string
    if (first.includes('?')) {
      ranges.push([
        parseInt(first.replace(/\?/g, '0'), 16),
        parseInt(first.replace(/\?/g, 'f'), 16)
      ])
    } else {
      const start = parseInt(first, 16)
      ranges.push([start, m[2] === undefined ? start : parseInt(m[2], 16)])
    }
  }
  return ranges
}

const facesCache = new Map<FontFamily, FontFace[]>()

function facesOf(family: FontFamily): FontFace[] {
  const cached = facesCache.get(family)
  if (cached !== undefined) return cached
  const dir = packageDir(family)
  const faces: FontFace[] = []
  for (const [weight, style] of STYLES[family]) {
    const css = readFileSync(
      join(dir, `${weight}${style === 'italic' ? '-italic' : ''}.css`),
      'utf8'
    )
    for (const block of css.split('@font-face').slice(1)) {
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1]
      const rangeText = /unicode-range:\s*([^;]+);/.exec(block)?.[1]
      if (file === undefined || rangeText === undefined) continue
      faces.push({
        family,
        weight,
        style,
        file: join(dir, 'files', file),
        ranges: parseUnicodeRange(rangeText),
        rangeText: rangeText.trim()
      })
    }
  }
  facesCache.set(family, faces)
  return faces
}

const covers = (face: FontFace, cp: number): boolean =>
  face.ranges.some(([lo, hi]) => cp >= lo && cp <= hi)

export interface FontNeeds {
  /** Families in the order the document's CSS lists them. */
  readonly families: readonly FontFamily[]
  /** Text set in the regular weight (body, footers). */
  readonly regular: string
  /** Text set in bold (headings, strong, the clinic name). */
  readonly bold: string
  /** Text set in italics (emphasis); Latin only, Chinese has no italic cut. */
  readonly italic: string
}

/**
 * The @font-face rules for a document: for every character, the first family in the stack with a
 * subset covering it, in exactly the weights and styles that character is used in. A Chinese
 * handout then carries bold slices only for its headings' characters.
 */
export function fontFaceCss(needs: FontNeeds): { css: string; files: string[]; bytes: number } {
  const wanted: Array<[400 | 700, 'normal' | 'italic', string]> = [
    [400, 'normal', `${needs.regular} 0123456789`],
    [700, 'normal', needs.bold],
    [400, 'italic', needs.italic]
  ]
  const chosen = new Map<string, FontFace>()
  for (const [weight, style, text] of wanted) {
    const codePoints = new Set<number>()
    for (const ch of text) {
      const cp = ch.codePointAt(0) as number
      if (cp > 0x20) codePoints.add(cp)
    }
    for (const cp of codePoints) {
      for (const family of needs.families) {
        const faces = facesOf(family)
        const face =
          faces.find((f) => f.weight === weight && f.style === style && covers(f, cp)) ??
          // No italic cut (Chinese): the browser slants the upright face.
          (style === 'italic'
            ? faces.find((f) => f.weight === weight && f.style === 'normal' && covers(f, cp))
            : undefined)
        if (face !== undefined) {
          chosen.set(face.file, face)
          break
        }
      }
    }
  }
  const rules: string[] = []
  const files: string[] = []
  let bytes = 0
  for (const face of chosen.values()) {
    const data = readFont(face.file)
    files.push(face.file)
    bytes += data.length
    rules.push(
      `@font-face{font-family:'${face.family}';font-style:${face.style};font-weight:${face.weight};` +
        `src:url(data:font/woff2;base64,${data.toString('base64')}) format('woff2');` +
        `unicode-range:${face.rangeText};}`
    )
  }
  return { css: rules.join('\n'), files, bytes }
}

const fontCache = new Map<string, Buffer>()
const readFont = (file: string): Buffer => {
  let data = fontCache.get(file)
  if (data === undefined) {
    data = readFileSync(file)
    fontCache.set(file, data)
  }
  return data
}
