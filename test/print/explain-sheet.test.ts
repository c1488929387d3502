import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/core/api/dispatch'
import { libraryInternals } from '../../src/main/core/library'
import { ExplainService } from '../../src/main/core/print/explain-service'
import type { PaperSize } from '../../src/shared/handouts/paper'
import { pdfInfo, pdfPageTexts } from './poppler'
import { CLINIC_NAME } from './print-fixtures'
import { usePrintLibrary } from './print-fixture'

/**
 * Explain mode's sheet ("Where your pain may come from") is one page with the clinic's header,
 * on the shorter page (Letter) and on A4, for the muscle drawn on both views and for the longest
 * plain-words name; it says nothing of needling or safety. POINTBOOK_KEEP_PDFS keeps the PDFs
 * and a PNG of each first page to look at.
 */
const fixture = usePrintLibrary('pointbook-explain-')

const services = () => libraryInternals(fixture.library).services

async function sheet(muscleId: string, paper: PaperSize): Promise<{ pages: number; text: string }> {
  const file = join(fixture.outDir, `${muscleId}-${paper}.pdf`)
  const html = services().explain.document({ muscleId, paper })
  writeFileSync(file, await fixture.renderer.toPdf(html, { paper }))
  const { pages } = await pdfInfo(file)
  if (process.env['POINTBOOK_KEEP_PDFS'] !== undefined) {
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, file.slice(0, -4)])
  }
  return { pages, text: (await pdfPageTexts(file, pages)).join('\n') }
}

describe('the explain sheet', () => {
  const cases = ['upper-trapezius', 'biceps-femoris'].flatMap((muscleId) =>
    (['letter', 'a4'] as const).map((paper) => ({ muscleId, paper }))
  )

  it.each(cases)('$muscleId on $paper: one page, the clinic, the title, plain words', async (c) => {
    const muscle = services().atlas.muscle(c.muscleId)
    const { pages, text } = await sheet(c.muscleId, c.paper)
    expect(pages).toBe(1)
    const flat = text.replace(/\s+/g, ' ')
    expect(flat).toContain(CLINIC_NAME)
    expect(flat).toContain('Where your pain may come from')
    expect(muscle.patientName).toBeTruthy()
    // The plain-words name leads, capitalised: "Upper shoulder muscle (trapezius)".
    const name = muscle.patientName ?? ''
    expect(flat).toContain(name.charAt(0).toUpperCase() + name.slice(1))
    expect(flat).toContain('Where you may feel the pain')
    // Nothing for the practitioner: no needling, no safety note.
    expect(flat).not.toContain(muscle.needling.cautions.slice(0, 30))
    for (const note of muscle.safety) expect(flat).not.toContain(note.text.slice(0, 30))
    expect(flat).not.toMatch(/needl|pneumothorax|lung/i)
  })

  it('shows only the views the muscle is drawn on', () => {
    // Gluteus medius is drawn on the back only; upper trapezius refers pain to the face too.
    const back = services().explain.document({ muscleId: 'gluteus-medius' })
    const both = services().explain.document({ muscleId: 'upper-trapezius' })
    expect(back.match(/aria-label="[^"]*of the body"/g)).toEqual(['aria-label="Back of the body"'])
    expect(both.match(/aria-label="[^"]*of the body"/g)).toEqual([
      'aria-label="Front of the body"',
      'aria-label="Back of the body"'
    ])
  })

  it('saves through the save dialog (one page, written whole) and refuses what it cannot do', async () => {
    const target = join(fixture.outDir, 'saved', 'sheet')
    mkdirSync(join(fixture.outDir, 'saved'), { recursive: true })
    const { atlas, settings } = services()
    const save = new ExplainService({
      clock: () => new Date('2026-03-14T15:00:00Z'),
      atlas,
      settings,
      ports: { pdf: fixture.renderer, chooseSavePath: () => Promise.resolve(target) }
    })
    const result = await save.savePdf({ muscleId: 'infraspinatus' })
    expect(result).toEqual({ status: 'saved', path: `${target}.pdf`, pageCount: 1 })
    expect(readdirSync(join(fixture.outDir, 'saved'))).toEqual(['sheet.pdf'])
    expect((await pdfInfo(`${target}.pdf`)).pages).toBe(1)

    const cancelled = new ExplainService({
      clock: () => new Date(),
      atlas,
      settings,
      ports: { pdf: fixture.renderer, chooseSavePath: () => Promise.resolve(null) }
    })
    expect(await cancelled.savePdf({ muscleId: 'infraspinatus' })).toEqual({
      status: 'cancelled',
      path: null,
      pageCount: 0
    })

    // An unknown muscle fails before the dialog asks where to save.
    let asked = 0
    const counting = new ExplainService({
      clock: () => new Date(),
      atlas,
      settings,
      ports: { pdf: fixture.renderer, chooseSavePath: () => Promise.resolve(`${asked++}`) }
    })
    await expect(counting.savePdf({ muscleId: 'no-such' })).rejects.toMatchObject({
      code: 'not_found'
    })
    expect(asked).toBe(0)

    // Through the contract: a bad id is refused, and this library has no save dialog or printer.
    const bad = await dispatch(fixture.library.handlers, 'explain:print', { muscleId: '../x' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const noDialog = await dispatch(fixture.library.handlers, 'explain:savePdf', {
      muscleId: 'infraspinatus'
    })
    expect(noDialog).toMatchObject({ ok: false, error: { code: 'io_error' } })
    const noPrinter = await dispatch(fixture.library.handlers, 'explain:print', {
      muscleId: 'infraspinatus'
    })
    expect(noPrinter).toMatchObject({
      ok: false,
      error: { code: 'io_error', message: expect.stringContaining('Save as PDF') }
    })
    expect(existsSync(join(fixture.outDir, 'saved', 'sheet.pdf'))).toBe(true)
  })
})
