import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../src/main/core'
import { dispatch } from '../../src/main/core/api/dispatch'
import { ROOT, freshDataDir, launchApp } from './harness'
import type { LaunchedApp } from './harness'

const RESOURCES_FOR_TESTS = join(ROOT, 'resources')

let app: LaunchedApp | null = null
afterEach(async () => {
  await app?.close()
  app = null
})

/** Sets the clinic profile before the app starts, as a clinic would have done once in Settings. */
async function prepareClinic(dataDir: string, profile: Record<string, unknown>): Promise<void> {
  const library = openLibrary({ dataDir, resourcesDir: RESOURCES_FOR_TESTS, warn: () => undefined })
  try {
    const result = await dispatch(library.handlers, 'settings:saveProfile', {
      name: 'Clinique Harbourview',
      address: '1234 West Broadway\nVancouver BC',
      phone: '604-555-0142',
      email: 'accueil@harbourview.example',
      website: 'harbourview.example',
      practitioners: ['Dr A. Chen'],
      defaultPaper: 'a4',
      defaultLang: 'en',
      footerLine: '',
      printerName: null,
      startScreen: 'front-desk',
      ...profile
    })
    if (!result.ok) throw new Error(result.error.message)
  } finally {
    library.close()
  }
}

describe('front desk', () => {
  it('saves the "IMS first visit" pack in fr-CA on A4 as a PDF in three clicks plus the file choice', async () => {
    const dataDir = freshDataDir()
    await prepareClinic(dataDir, {})
    const target = join(mkdtempSync(join(tmpdir(), 'pointbook-saved-')), 'premiere-visite.pdf')
    app = await launchApp({ dataDir, saveDialogPath: target })
    const { page } = app

    // The app opens on the front desk (Settings: "Open Pointbook on the front-desk screen").
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/front-desk')
    await page.getByRole('heading', { name: 'Front desk' }).waitFor()

    let clicks = 0
    const click = async (name: RegExp | string) => {
      clicks += 1
      await page.getByRole('button', { name }).click()
    }
    await click(/^IMS first visit/)
    await click('Français (Canada)')
    // The translation is not approved yet: the front desk says so where it is chosen.
    await page
      .getByText(/Needs clinic review/)
      .first()
      .waitFor()
    await click('Save as PDF')
    await page.getByText(/^Saved: /).waitFor()
    expect(clicks).toBe(3)
    expect(app.printing.saveDialogRequests).toEqual(['ims-first-visit-fr-CA.pdf'])
    // At 1280×800 the buttons and the result sit in a bar inside the window, never below it.
    const bar = page.getByRole('group', { name: 'Print or save' })
    for (const part of [
      bar.getByRole('button', { name: 'Print', exact: true }),
      bar.getByText(/^Saved: /),
      bar.getByRole('button', { name: 'Show in folder' })
    ]) {
      const box = await part.boundingBox()
      expect(box && box.y + box.height).toBeLessThanOrEqual(800)
    }
    await bar.getByRole('button', { name: 'Show in folder' }).click()
    await expect
      .poll(() => app?.printing.opened)
      .toEqual([{ action: 'showInFolder', path: target }])

    expect(existsSync(target)).toBe(true)
    expect(readFileSync(target).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const info = execFileSync('pdfinfo', [target]).toString()
    expect(info).toMatch(/Page size:\s+594\.\d+ x 841\.\d+ pts \(A4\)/)
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', target, '-']).toString()
    expect(text).toContain('Clinique Harbourview')
    expect(text).toContain('Page 1 de')
    expect(text).toContain('Acupuncture et IMS')
    expect(text).toContain('Votre première séance d’IMS'.replace('’', "'"))

    // The print log shows it, without any patient name.
    await page.getByRole('link', { name: 'Print log' }).first().click()
    const row = page.getByTestId('print-log-row').first()
    await row.waitFor()
    const rowText = await row.innerText()
    expect(rowText).toContain('Pack: IMS first visit')
    expect(rowText).toContain('Français (Canada)')
    expect(rowText).toContain('A4')
    expect(rowText).toContain('PDF')
    expect(await page.getByTestId('print-log-row').count()).toBe(1)
    expect(app.externalRequests).toEqual([])
  })

  it('from opening the app to the print dialog for a pack takes two clicks', async () => {
    const dataDir = freshDataDir()
    await prepareClinic(dataDir, { defaultPaper: 'letter' })
    app = await launchApp({ dataDir })
    const { page } = app
    await page.getByRole('button', { name: /^Acupuncture first visit/ }).click()
    await page.getByRole('button', { name: 'Print', exact: true }).click()
    await page.getByText('Sent to the printer.').waitFor()
    expect(app.printing.printJobs).toHaveLength(1)
    const job = app.printing.printJobs[0]!
    expect(job).toMatchObject({ paper: 'letter', copies: 1, deviceName: null })
    expect(job.html).toContain('lang="en"')
  })

  it('works with the keyboard alone, and stays usable at 200 % zoom', async () => {
    const dataDir = freshDataDir()
    await prepareClinic(dataDir, {})
    app = await launchApp({ dataDir, viewport: { width: 640, height: 720 }, deviceScaleFactor: 2 })
    const { page } = app
    await page.evaluate(() => {
      document.documentElement.style.zoom = '2'
    })
    const pack = page.getByRole('button', { name: /^IMS first visit/ })
    await pack.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => pack.getAttribute('aria-pressed')).toBe('true')
    const print = page.getByRole('button', { name: 'Print', exact: true })
    await print.focus()
    await page.keyboard.press('Enter')
    await page.getByText('Sent to the printer.').waitFor()
    // Nothing scrolls sideways at 200 %.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    )
    expect(overflow).toBeLessThanOrEqual(1)
  })
})
