import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Library } from '../../src/main/core'
import { CHROMIUM_ARGS, ChromiumPdfRenderer } from '../support/chromium-pdf-renderer'
import { BUILTIN_HANDOUT_LANGS, printStrings } from '../../src/shared/handouts/languages'
import { HANDOUT_PACKS } from '../../src/shared/handouts/packs'
import type { PaperSize } from '../../src/shared/handouts/paper'
import { findHostileMarkup } from '../../src/shared/markdown'
import { pdfFonts, pdfInfo, pdfPageTexts, pdfWords, squash } from './poppler'
import { CLINIC_NAME, CLINIC_PHONE, blockTexts, textOf, unsplittableTexts } from './print-fixtures'
import { libraryInternals } from '../../src/main/core/library'
import { openPrintLibrary } from './print-library'
import type { PrintLibrary } from './print-library'
import { URGENT_HANDOUTS, URGENT_HEADING, handoutLayouts, headingsBefore } from './urgent-box'

/**
 * P1, P4, H2, H3 for every built-in handout × language × paper size × regular/large print, through
 * Chromium's page.pdf() (the stand-in for Electron's printToPDF) and poppler. One Chromium for the
 * whole matrix.
 */
const HANDOUT_IDS = [
  'acupuncture-vs-ims',
  'after-acupuncture',
  'after-cupping',
  'after-ims',
  'after-moxibustion',
  'before-your-treatment',
  'consent-form',
  'electroacupuncture',
  'first-acupuncture-visit',
  'first-ims-visit'
]
const PAPERS: PaperSize[] = ['letter', 'a4']
const SIZE_PT: Record<PaperSize, { width: number; height: number }> = {
  letter: { width: 612, height: 792 },
  a4: { width: 595, height: 842 }
}
const MM = 72 / 25.4
/**
 * beforeAll opens a library with every shipped handout and starts Chromium; afterAll closes it.
 * Seconds on a loaded machine: the limit is far above that (each PDF has the project's limit).
 */
const HOOK_TIMEOUT_MS = 300_000

let library: Library
let browser: Browser
let renderer: ChromiumPdfRenderer
let measurePage: Page
let outDir: string
const startedAt = Date.now()
const summary: Array<{
  id: string
  lang: string
  paper: string
  large: boolean
  pages: number
  ms: number
}> = []

let call: PrintLibrary['call']

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'pointbook-print-'))
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  renderer = new ChromiumPdfRenderer({ browser })
  ;({ library, call } = await openPrintLibrary(join(outDir, 'data'), renderer))
  for (const id of HANDOUT_IDS) {
    await call('handouts:approve', {
      id,
      lang: 'en',
      version: 1,
      by: 'Dr. A. Chen',
      on: '2026-03-01'
    })
  }
  const context = await browser.newContext()
  await context.route('**/*', (route) => route.abort('blockedbyclient'))
  measurePage = await context.newPage()
  await measurePage.emulateMedia({ media: 'print' })
}, HOOK_TIMEOUT_MS)

afterAll(async () => {
  await browser?.close()
  library?.close()
  const total = ((Date.now() - startedAt) / 1000).toFixed(1)
  console.log(`PDF matrix: ${summary.length} PDFs in ${total} s`)
  console.table(summary)
  if (process.env['POINTBOOK_KEEP_PDFS'] === undefined)
    rmSync(outDir, { recursive: true, force: true })
  else console.log(`PDFs kept in ${outDir}`)
}, HOOK_TIMEOUT_MS)

interface Expectations {
  readonly paper: PaperSize
  readonly largePrint: boolean
  readonly titles: readonly string[]
  readonly langs: readonly string[]
  readonly versions: readonly number[]
  /** The document opens with the "Get help right away" box: its heading must lead page 1. */
  readonly urgentFirst?: boolean
}

async function checkPdf(name: string, html: string, expected: Expectations): Promise<number> {
  const started = Date.now()
  const pdf = await renderer.toPdf(html, { paper: expected.paper })
  const file = join(outDir, `${name}.pdf`)
  writeFileSync(file, pdf)
  writeFileSync(join(outDir, `${name}.html`), html)

  const info = await pdfInfo(file)
  const [fonts, pages, layout] = await Promise.all([
    pdfFonts(file),
    pdfPageTexts(file, info.pages),
    pdfWords(file)
  ])

  // P1 page size (A4 comes out as 594.96 × 841.92: compare to the point).
  const size = SIZE_PT[expected.paper]
  expect(Math.abs(info.width - size.width), `${name} width ${info.width}`).toBeLessThan(1.5)
  expect(Math.abs(info.height - size.height), `${name} height ${info.height}`).toBeLessThan(1.5)
  expect(info.pages).toBeGreaterThanOrEqual(1)

  // P1 fonts: at least one, every one embedded; only the families we ship.
  expect(fonts.length).toBeGreaterThan(0)
  for (const font of fonts) {
    expect(font.embedded, `${name}: font ${font.name} not embedded`).toBe(true)
    expect(font.name).toMatch(/NotoSans/)
  }

  // P1/H3 text: clinic name and phone, "Page 1 of N", version and print date on every page.
  const strings = printStrings(expected.langs[0] ?? 'en')
  const all = pages.join('\n')
  expect(squash(all)).toContain(squash(CLINIC_NAME))
  expect(squash(all)).toContain(squash(CLINIC_PHONE))
  pages.forEach((text, n) => {
    expect(squash(text), `${name} page ${n + 1} label`).toContain(
      squash(strings.page(String(n + 1), String(info.pages)))
    )
    expect(squash(text), `${name} page ${n + 1} clinic`).toContain(squash(CLINIC_PHONE))
  })
  expected.versions.forEach((v) => expect(squash(all)).toContain(squash(`${strings.version} ${v}`)))
  expected.titles.forEach((t) => expect(squash(all)).toContain(squash(t)))
  expect(squash(all)).toContain(squash(strings.printed))

  // P4 nothing cut off: every word inside the page, body words inside the side margins.
  for (const word of layout.words) {
    expect(word.xMin, `${name} p${word.page} "${word.text}" left`).toBeGreaterThanOrEqual(0)
    expect(word.yMin).toBeGreaterThanOrEqual(0)
    expect(word.xMax, `${name} p${word.page} "${word.text}" right`).toBeLessThanOrEqual(
      layout.pageWidth
    )
    expect(word.yMax, `${name} p${word.page} "${word.text}" bottom`).toBeLessThanOrEqual(
      layout.pageHeight
    )
  }
  const bottomMargin = (expected.largePrint ? 28 : 23) * MM
  const bodyWords = layout.words.filter((w) => w.yMax <= layout.pageHeight - bottomMargin + 1)
  for (const word of bodyWords) {
    expect(word.xMin, `${name} "${word.text}" in left margin`).toBeGreaterThanOrEqual(17 * MM - 1)
    expect(word.xMax, `${name} "${word.text}" in right margin`).toBeLessThanOrEqual(
      layout.pageWidth - 17 * MM + 1
    )
  }
  const bodyByPage = Array.from({ length: info.pages }, (_, n) =>
    squash(
      bodyWords
        .filter((w) => w.page === n + 1)
        .map((w) => w.text)
        .join('')
    )
  )
  const bodyAll = bodyByPage.join('')
  for (const block of blockTexts(html)) {
    expect(bodyAll, `${name}: text missing from the PDF: ${block.slice(0, 60)}`).toContain(
      squash(decode(block))
    )
  }
  // P4 boxes (call-outs, tables, figures, list items, the clinic header) each on one page.
  for (const box of unsplittableTexts(html)) {
    const text = squash(decode(box.text))
    if (text === '') continue
    expect(
      bodyByPage.some((page) => page.includes(text)),
      `${name}: <${box.tag}> split across pages: ${box.text.slice(0, 60)}`
    ).toBe(true)
  }

  // Issue 10: the urgent box is the first thing after the title on page 1, whole, with its icon.
  if (expected.urgentFirst === true) {
    const lang = (expected.langs[0] ?? 'en') as keyof typeof URGENT_HEADING
    const [layout] = handoutLayouts(html)
    expect(layout?.firstBlock, `${name}: first block`).toBe('blockquote.urgent')
    expect(
      headingsBefore(pages[0] ?? '', layout!, URGENT_HEADING[lang]),
      `${name}: page 1 must show the urgent box heading before any other heading`
    ).toEqual([])
    const box = squash(decode(layout!.urgentBoxes.map((b) => textOf(b)).join('')))
    expect(bodyByPage[0], `${name}: the urgent box is whole on page 1`).toContain(box)
  }

  // H2: body text at 12 pt or more (16 pt or more in large print), as laid out for print.
  await measurePage.setContent(html)
  if (expected.urgentFirst === true) {
    const icon = await measurePage.evaluate(() => {
      const quote = document.querySelector('.body blockquote.urgent')
      const svg = quote?.querySelector('.urgent-icon')?.getBoundingClientRect()
      const style = quote === null || quote === undefined ? null : getComputedStyle(quote)
      return {
        width: svg?.width ?? 0,
        height: svg?.height ?? 0,
        border: style === null ? 0 : parseFloat(style.borderTopWidth),
        color: style?.borderTopColor ?? ''
      }
    })
    // The icon is drawn at the heading's size (at least 12 pt), the border black and 3 pt.
    expect(icon.width * 0.75, `${name}: icon width (pt)`).toBeGreaterThanOrEqual(12)
    expect(icon.height * 0.75, `${name}: icon height (pt)`).toBeGreaterThanOrEqual(12)
    expect(icon.border * 0.75, `${name}: box border (pt)`).toBeGreaterThanOrEqual(2.9)
    expect(icon.color).toBe('rgb(0, 0, 0)')
  }
  const smallest = await measurePage.evaluate(() => {
    const sizes = Array.from(
      document.querySelectorAll('.body p, .body li, .body td, .body th')
    ).map((el) => parseFloat(getComputedStyle(el).fontSize))
    return sizes.length === 0 ? 0 : Math.min(...sizes)
  })
  expect(smallest * 0.75, `${name} smallest body text (pt)`).toBeGreaterThanOrEqual(
    (expected.largePrint ? 16 : 12) - 0.01
  )

  // S9: nothing in the print document can run.
  expect(findHostileMarkup(withoutEmbeds(html))).toEqual([])
  summary.push({
    id: name,
    lang: expected.langs.join('+'),
    paper: expected.paper,
    large: expected.largePrint,
    pages: info.pages,
    ms: Date.now() - started
  })
  return info.pages
}

/** The only data: URLs allowed: fonts in @font-face and the clinic logo image. */
export function withoutEmbeds(html: string): string {
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? ''
  const urls = style.match(/url\([^)]*\)/g) ?? []
  for (const url of urls) expect(url.startsWith('url(data:font/woff2;base64,')).toBe(true)
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '<style></style>')
    .replace(/ src="data:image\/(?:png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+"/g, ' src=""')
}

const decode = (text: string): string => text

/**
 * CI prints each handout in each language on Letter at regular size and on A4 (the narrower,
 * taller page) in large print: the two ends of the layout, where a box splits or a line overflows
 * first. `POINTBOOK_PRINT_MATRIX=full` adds Letter large and A4 regular (twice the time: the whole
 * matrix took ~190 s of CI's 15 minutes); run it when a handout or the print CSS changes.
 */
const FULL_MATRIX = process.env['POINTBOOK_PRINT_MATRIX'] === 'full'
const LAYOUTS: readonly { paper: PaperSize; largePrint: boolean }[] = FULL_MATRIX
  ? PAPERS.flatMap((paper) => [false, true].map((largePrint) => ({ paper, largePrint })))
  : [
      { paper: 'letter', largePrint: false },
      { paper: 'a4', largePrint: true }
    ]
const combos = HANDOUT_IDS.flatMap((id) =>
  BUILTIN_HANDOUT_LANGS.flatMap((lang) => LAYOUTS.map((layout) => ({ id, lang, ...layout })))
)

describe(`every built-in handout × language × ${FULL_MATRIX ? 'paper × size' : 'Letter regular and A4 large'} prints correctly`, () => {
  it.each(combos)('$id $lang $paper large=$largePrint', async ({ id, lang, paper, largePrint }) => {
    const handout = (await call('handouts:get', { id, lang })) as { title: string; version: number }
    const html = libraryInternals(library).services.print.document({
      items: [{ id, lang }],
      paper,
      largePrint
    })
    expect(html).toContain(`lang="${lang}"`)
    await checkPdf(`${id}-${lang}-${paper}${largePrint ? '-large' : ''}`, html, {
      paper,
      largePrint,
      titles: [handout.title],
      langs: [lang],
      versions: [handout.version],
      urgentFirst: (URGENT_HANDOUTS as readonly string[]).includes(id)
    })
  })
})

describe('packs', () => {
  it.each(HANDOUT_PACKS.map((p) => p.id))(
    '%s prints as one document, each handout with its own footer',
    async (packId) => {
      const pack = HANDOUT_PACKS.find((p) => p.id === packId)!
      const items = pack.handoutIds.map((id) => ({ id, lang: 'fr-CA' }))
      const titles: string[] = []
      for (const item of items)
        titles.push(((await call('handouts:get', item)) as { title: string }).title)
      const html = libraryInternals(library).services.print.document({
        items,
        paper: 'a4',
        largePrint: false,
        patientName: 'Marie Tremblay'
      })
      const pages = await checkPdf(`pack-${packId}-fr-CA-a4`, html, {
        paper: 'a4',
        largePrint: false,
        titles,
        langs: ['fr-CA'],
        versions: [1],
        urgentFirst: true
      })
      expect(pages).toBeGreaterThanOrEqual(items.length)
    }
  )
})

describe('embedded fonts', () => {
  it('embeds only Noto Sans for Latin handouts and Noto Sans SC for Chinese', () => {
    const en = libraryInternals(library).services.print.document({
      items: [{ id: 'after-ims', lang: 'en' }],
      paper: 'a4',
      largePrint: false
    })
    const zh = libraryInternals(library).services.print.document({
      items: [{ id: 'after-ims', lang: 'zh-Hans' }],
      paper: 'a4',
      largePrint: false
    })
    expect(en).not.toContain("font-family:'Noto Sans SC'")
    expect(zh).toContain("font-family:'Noto Sans SC'")
    // An English handout carries tens of kilobytes of font, not the megabytes of the CJK family.
    expect(en.length).toBeLessThan(250_000)
    expect(zh.length).toBeLessThan(3_000_000)
  })
})
