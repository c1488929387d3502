/**
 * Explain mode on the built renderer and the real core, at 1280×800 and at 200 % zoom (640×400
 * CSS pixels at device scale 2): the key opens a nerve-root lookup's muscles and the arrows step
 * through them, a muscle's sheet prints and saves as a one-page PDF, an article's figure opens
 * fitted to the window; no serious axe violation and nothing wider than the window. Screenshots
 * go to out/screenshots/explain-*.png.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from './axe'
import { launchApp } from './harness'
import type { LaunchedApp } from './harness'
import { openScreen, settled } from './screens'

const SCREENSHOTS = join(__dirname, '..', '..', 'out', 'screenshots')

/** Elements of the patient view reaching past the window's right edge (cut off or scrolling). */
const pastRightEdge = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const view = document.querySelector('[role="dialog"]')
    return Array.from(view?.querySelectorAll('*') ?? [])
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.getAttribute('class'))}`)
      .concat(document.documentElement.scrollWidth > width ? ['the page scrolls sideways'] : [])
  })

const ZOOMS = [
  { tag: '1280', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  { tag: '200pct', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }
]

for (const zoom of ZOOMS) {
  describe(`explain mode at ${zoom.tag}`, () => {
    let app: LaunchedApp
    beforeAll(async () => {
      app = await launchApp({ viewport: zoom.viewport, deviceScaleFactor: zoom.deviceScaleFactor })
      // Start where the app starts. Opening an atlas screen straight after the very first launch
      // of a run timed out here (every later test passed); the cause was not found.
      await openScreen(app.page, '#/articles', 'h1')
    })
    afterAll(async () => {
      expect(app.externalRequests).toEqual([])
      await app.close()
    })

    it("a muscle's patient view prints and saves the one-page sheet", async () => {
      const { page } = app
      await openScreen(page, '#/atlas/muscles/upper-trapezius', 'h1')
      await page.getByRole('button', { name: 'Show the patient' }).click()
      const view = page.getByRole('dialog', { name: 'Where your pain may come from' })
      await view.getByText('Upper shoulder muscle (trapezius)').waitFor()
      expect(await view.textContent()).not.toMatch(/pneumothorax|lung|needl/i)
      expect(await seriousViolations(page)).toEqual([])
      expect(await pastRightEdge(page)).toEqual([])
      await page.screenshot({ path: join(SCREENSHOTS, `explain-muscle-${zoom.tag}.png`) })
      if (zoom.deviceScaleFactor !== 1) return
      await view.getByRole('button', { name: 'Print this page' }).click()
      await view.getByText('Sent to the printer.').waitFor()
      expect(app.printing.printJobs.at(-1)?.html).toContain('Where your pain may come from')
      await view.getByRole('button', { name: 'Save as PDF' }).click()
      const saved = view.getByText(/^Saved: /)
      await saved.waitFor()
      const path = ((await saved.textContent()) ?? '').replace(/^Saved: /, '')
      expect(path).toBe(
        join(app.dataDir, 'saved', 'where-your-pain-may-come-from-upper-trapezius.pdf')
      )
      expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/^Pages:\s+1$/m)
      await page.keyboard.press('Escape')
    })

    it('Ctrl+E shows the C5–C6 muscles one by one; Escape returns', async () => {
      const { page } = app
      await openScreen(page, '#/atlas?mode=roots&roots=C5,C6', '.explain-button')
      const opener = page.getByRole('button', { name: 'Show the patient' })
      await opener.focus()
      await page.keyboard.press('Control+e')
      const view = page.getByRole('dialog', { name: 'Where your pain may come from' })
      await view.locator('.body-map__marker').first().waitFor()
      const count = view.locator('.explain__count')
      const total = Number(/of (\d+)/.exec((await count.textContent()) ?? '')?.[1])
      expect(total).toBeGreaterThan(5)
      expect(await count.textContent()).toBe(`1 of ${total}`)
      await page.keyboard.press('ArrowRight')
      await page.keyboard.press('ArrowRight')
      await expect.poll(() => count.textContent()).toBe(`3 of ${total}`)
      await settled(page)
      expect(await seriousViolations(page)).toEqual([])
      expect(await pastRightEdge(page)).toEqual([])
      await page.screenshot({ path: join(SCREENSHOTS, `explain-roots-${zoom.tag}.png`) })
      await page.keyboard.press('Escape')
      await view.waitFor({ state: 'detached' })
      expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true)
    })

    it("an article's figure opens fitted to the window, or to its width", async () => {
      const { page } = app
      await openScreen(page, '#/articles/course-of-care', 'figure.diagram svg')
      await page.getByRole('button', { name: 'Show the figures' }).click()
      const view = page.getByRole('dialog')
      const svg = view.locator('.explain__figure svg')
      await svg.waitFor()
      const box = await svg.boundingBox()
      const size = page.viewportSize() ?? zoom.viewport
      // Fitted: the figure takes the width of the window, less the padding.
      expect(box?.width ?? 0).toBeGreaterThan(size.width * 0.8)
      expect(await seriousViolations(page)).toEqual([])
      expect(await pastRightEdge(page)).toEqual([])
      await page.screenshot({ path: join(SCREENSHOTS, `explain-figure-${zoom.tag}.png`) })
      // Fit to width: the tall flowchart grows past the window's height and scrolls, never sideways.
      await view.getByRole('button', { name: 'Fit to width' }).click()
      await expect
        .poll(async () => (await svg.boundingBox())?.height ?? 0)
        .toBeGreaterThan(size.height)
      expect(await pastRightEdge(page)).toEqual([])
      await page.screenshot({ path: join(SCREENSHOTS, `explain-figure-width-${zoom.tag}.png`) })
      await page.keyboard.press('Escape')
      await view.waitFor({ state: 'detached' })
    })
  })
}
