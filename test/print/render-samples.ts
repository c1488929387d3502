/**
 * Renders every built-in handout in every language (regular and large print, the clinic's paper
 * sizes) to PDF and page images, for the visual check (docs/checklist.md P1: "page PNGs are looked at")
 * and for the samples in docs/handouts/.
 *
 *   node --import tsx test/print/render-samples.ts <out-dir> [--docs] [--only=id,id] [--letter]
 *
 * --only renders just those handouts; --letter only Letter paper (the quick look after an edit).
 * --docs also refreshes docs/handouts/*.png (first pages of three samples).
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ChromiumPdfRenderer } from '../support/chromium-pdf-renderer'
import { BUILTIN_HANDOUT_LANGS } from '../../src/shared/handouts/languages'
import type { PaperSize } from '../../src/shared/handouts/paper'
import { ROOT } from './print-fixtures'
import { openPrintLibrary } from './print-library'
import { libraryInternals } from '../../src/main/core/library'

const SAMPLES: ReadonlyArray<readonly [string, string, PaperSize, boolean, string]> = [
  ['after-ims', 'en', 'letter', false, 'after-ims-en-letter.png'],
  ['acupuncture-vs-ims', 'fr-CA', 'a4', false, 'acupuncture-vs-ims-fr-CA-a4.png'],
  ['first-ims-visit', 'zh-Hans', 'a4', true, 'first-ims-visit-zh-Hans-a4-large-print.png']
]

async function main(): Promise<void> {
  const out = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'pointbook-samples-'))
  const docs = process.argv.includes('--docs')
  const only = process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',')
  const papers = process.argv.includes('--letter')
    ? (['letter'] as const)
    : (['letter', 'a4'] as const)
  mkdirSync(out, { recursive: true })
  const dataDir = mkdtempSync(join(tmpdir(), 'pointbook-samples-data-'))
  const { library, call } = await openPrintLibrary(dataDir)
  const renderer = new ChromiumPdfRenderer()
  try {
    const ids = (await call('handouts:list', {})) as Array<{ id: string }>
    for (const { id } of ids.filter((h) => only === undefined || only.includes(h.id))) {
      for (const lang of BUILTIN_HANDOUT_LANGS) {
        for (const paper of papers) {
          for (const largePrint of [false, true]) {
            const name = `${id}-${lang}-${paper}${largePrint ? '-large' : ''}`
            const html = libraryInternals(library).services.print.document({
              items: [{ id, lang }],
              paper,
              largePrint
            })
            const pdf = join(out, `${name}.pdf`)
            writeFileSync(pdf, await renderer.toPdf(html, { paper }))
            execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(out, name)])
          }
        }
      }
    }
    if (docs) {
      const target = join(ROOT, 'docs', 'handouts')
      mkdirSync(target, { recursive: true })
      for (const [id, lang, paper, large, file] of SAMPLES) {
        const pdf = join(out, `${id}-${lang}-${paper}${large ? '-large' : ''}.pdf`)
        const stem = join(out, `doc-${file.replace(/\.png$/, '')}`)
        execFileSync('pdftoppm', [
          '-png',
          '-r',
          '80',
          '-f',
          '1',
          '-l',
          '1',
          '-singlefile',
          pdf,
          stem
        ])
        copyFileSync(`${stem}.png`, join(target, file))
      }
    }
    console.log(`Pages written to ${out}`)
  } finally {
    await renderer.close()
    library.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

void main()
