import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import type { Library } from '../../src/main/core'
import { CHROMIUM_ARGS, ChromiumPdfRenderer } from '../support/chromium-pdf-renderer'
import { openPrintLibrary } from './print-library'

export interface PrintFixture {
  readonly library: Library
  readonly renderer: ChromiumPdfRenderer
  /** Where the test writes its PDFs; kept when POINTBOOK_KEEP_PDFS is set, to look at. */
  readonly outDir: string
}

/**
 * For a print test file (apart from print-library.ts, which scripts import without vitest):
 * beforeAll starts Chromium and opens a print library in a new folder named `prefix…`, afterAll
 * closes both and removes the folder. Read the fields inside tests.
 */
export function usePrintLibrary(prefix: string): PrintFixture {
  let library: Library | undefined
  let browser: Browser | undefined
  let renderer: ChromiumPdfRenderer | undefined
  let outDir: string | undefined
  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), prefix))
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
    renderer = new ChromiumPdfRenderer({ browser })
    ;({ library } = await openPrintLibrary(join(outDir, 'data'), renderer))
  }, 300_000)
  afterAll(async () => {
    await browser?.close()
    library?.close()
    if (outDir === undefined) return
    if (process.env['POINTBOOK_KEEP_PDFS'] === undefined)
      rmSync(outDir, { recursive: true, force: true })
    else console.log(`PDFs kept in ${outDir}`)
  }, 300_000)
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('usePrintLibrary: read its fields inside a test.')
    return value
  }
  return {
    get library() {
      return ready(library)
    },
    get renderer() {
      return ready(renderer)
    },
    get outDir() {
      return ready(outDir)
    }
  }
}
