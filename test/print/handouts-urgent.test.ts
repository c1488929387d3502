import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { libraryInternals } from '../../src/main/core/library'
import { BUILTIN_HANDOUT_LANGS } from '../../src/shared/handouts/languages'
import { HANDOUT_PACKS } from '../../src/shared/handouts/packs'
import type { PaperSize } from '../../src/shared/handouts/paper'
import { pdfInfo, pdfPageTexts, squash } from './poppler'
import { textOf } from './print-fixtures'
import { usePrintLibrary } from './print-fixture'
import { URGENT_HANDOUTS, URGENT_HEADING, handoutLayouts, headingsBefore } from './urgent-box'

/**
 * Issue 10: the "Get help right away" box leads page 1 even when page 1 is most crowded: large
 * print on Letter (the shortest page), with a patient's name above the title, the clinic logo
 * and a two-line address. The regular matrix (handouts-pdf-matrix.test.ts) checks the same for
 * every handout × language × paper × size without a name, and the pack PDF.
 */
const fixture = usePrintLibrary('pointbook-urgent-')

const documentFor = (
  items: Array<{ id: string; lang: string }>,
  options: { paper: PaperSize; largePrint: boolean; patientName?: string }
): string => libraryInternals(fixture.library).services.print.document({ items, ...options })

async function pageOne(name: string, html: string, paper: PaperSize): Promise<string> {
  const file = join(fixture.outDir, `${name}.pdf`)
  writeFileSync(file, await fixture.renderer.toPdf(html, { paper }))
  const info = await pdfInfo(file)
  return (await pdfPageTexts(file, info.pages))[0] ?? ''
}

describe('the urgent box leads page 1 in large print with a patient name', () => {
  const combos = URGENT_HANDOUTS.flatMap((id) =>
    BUILTIN_HANDOUT_LANGS.map((lang) => ({ id, lang }))
  )

  it.each(combos)('$id $lang, Letter, large print', async ({ id, lang }) => {
    const html = documentFor([{ id, lang }], {
      paper: 'letter',
      largePrint: true,
      patientName: 'Marie-Ève Tremblay-Lefebvre'
    })
    const [layout] = handoutLayouts(html)
    expect(layout?.firstBlock).toBe('blockquote.urgent')
    const text = await pageOne(`${id}-${lang}-letter-large-named`, html, 'letter')
    expect(headingsBefore(text, layout!, URGENT_HEADING[lang])).toEqual([])
    // The whole box is on page 1: not pushed to page 2, not split.
    expect(squash(text)).toContain(squash(textOf(layout!.urgentBoxes[0]!)))
  })
})

describe('packs', () => {
  it.each(HANDOUT_PACKS.flatMap((p) => BUILTIN_HANDOUT_LANGS.map((lang) => ({ pack: p, lang }))))(
    '$pack.id $lang: the print document starts with the urgent box',
    ({ pack, lang }) => {
      const html = documentFor(
        pack.handoutIds.map((id) => ({ id, lang })),
        { paper: 'a4', largePrint: false }
      )
      const layouts = handoutLayouts(html)
      expect(layouts.map((l) => l.firstBlock)[0]).toBe('blockquote.urgent')
      expect(layouts[0]?.headings[0]).toBe(URGENT_HEADING[lang])
    }
  )

  it('a pack in large print shows the urgent box on its first page', async () => {
    const pack = HANDOUT_PACKS[0]!
    const html = documentFor(
      pack.handoutIds.map((id) => ({ id, lang: 'zh-Hans' })),
      { paper: 'a4', largePrint: true, patientName: '王小明' }
    )
    const [layout] = handoutLayouts(html)
    const text = await pageOne(`pack-${pack.id}-zh-Hans-a4-large`, html, 'a4')
    expect(headingsBefore(text, layout!, URGENT_HEADING['zh-Hans'])).toEqual([])
    expect(squash(text)).toContain(squash(textOf(layout!.urgentBoxes[0]!)))
  })
})
