import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Library } from '../../src/main/core'
import { BUILTIN_HANDOUT_LANGS, printStrings } from '../../src/shared/handouts/languages'
import { HANDOUT_PACKS } from '../../src/shared/handouts/packs'
import { CHROMIUM_ARGS, ChromiumPdfRenderer } from '../support/chromium-pdf-renderer'
import { pdfInfo, pdfPageTexts, squash } from './poppler'
import { openPrintLibrary } from './print-library'
import type { PrintLibrary } from './print-library'

/**
 * Issue 10: in a pack, each handout is numbered on its own ("Page 1 of 2"), not across the pack.
 * The preview goes through the real pipeline (two passes through Chromium) and the PDF is read
 * back with poppler: the number restarts at 1 exactly on the first page whose footer names the
 * next handout, and each handout's last page says N of N.
 */
let library: Library
let call: PrintLibrary['call']
let browser: Browser
let outDir: string

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'pointbook-pack-pages-'))
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  ;({ library, call } = await openPrintLibrary(
    join(outDir, 'data'),
    new ChromiumPdfRenderer({ browser })
  ))
}, 300_000)

afterAll(async () => {
  await browser?.close()
  library?.close()
  rmSync(outDir, { recursive: true, force: true })
}, 300_000)

const combos = HANDOUT_PACKS.flatMap((pack) =>
  BUILTIN_HANDOUT_LANGS.map((lang) => ({ pack: pack.id, lang }))
)

describe('pack pages are numbered per handout', () => {
  it.each(combos)('$pack ($lang), large print', async ({ pack: packId, lang }) => {
    const pack = HANDOUT_PACKS.find((p) => p.id === packId)!
    const items = pack.handoutIds.map((id) => ({ id, lang }))
    const titles: string[] = []
    for (const item of items)
      titles.push(((await call('handouts:get', item)) as { title: string }).title)
    const preview = (await call('handouts:preview', {
      items,
      paper: 'letter',
      largePrint: true
    })) as { pdfBase64: string; pageCount: number }
    const file = join(outDir, `${packId}-${lang}.pdf`)
    writeFileSync(file, Buffer.from(preview.pdfBase64, 'base64'))
    const info = await pdfInfo(file)
    const pages = (await pdfPageTexts(file, info.pages)).map(squash)
    // Large print makes a pack longer than its number of handouts: numbering has work to do.
    expect(info.pages).toBeGreaterThan(items.length)

    const strings = printStrings(lang)
    const label = (n: number, m: number): string => squash(strings.page(String(n), String(m)))
    // Each page's footer names its handout: "<title> · Version 1".
    const owner = (t: string): string => squash(`${t} · ${strings.version}`)
    const starts = titles.map((t) => pages.findIndex((p) => p.includes(owner(t))))
    expect(starts[0]).toBe(0)
    for (let k = 1; k < starts.length; k += 1)
      expect(starts[k]!, `handout ${k + 1} starts after ${k}`).toBeGreaterThan(starts[k - 1]!)
    starts.forEach((start, k) => {
      const end = starts[k + 1] ?? info.pages
      const count = end - start
      for (let n = start; n < end; n += 1) expect(pages[n]).toContain(owner(titles[k]!))
      for (let n = 1; n <= count; n += 1) {
        expect(pages[start + n - 1], `${titles[k]} page ${n}`).toContain(label(n, count))
      }
    })
    // And never the pack-wide count, unless a handout really is that long.
    if (starts.every((s, k) => (starts[k + 1] ?? info.pages) - s < info.pages)) {
      expect(pages.join('')).not.toContain(label(info.pages, info.pages))
    }
  })
})
