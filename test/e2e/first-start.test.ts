import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { FIRST_START_HASH } from '../../src/shared/first-start'
import { launchApp, OUT_DIR } from './harness'
import type { LaunchedApp } from './harness'
import { settled } from './screens'

/**
 * A new clinic's first start in a real browser: the library opens on the setup (the address the
 * core gives it), looked at in 1280×800 and at 200 % zoom; answered with the keyboard alone at
 * one, skipped with it at the other. Axe and the sideways-scroll check cover the setup through
 * screens.ts; answers, bad values and skip are tested on the real core in
 * test/renderer/first-start.test.tsx.
 */
const SCREENSHOTS = join(OUT_DIR, 'screenshots')

const ZOOMS = [
  { tag: '1280x800', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  { tag: '200pct', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }
]

const focused = (page: Page) =>
  page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || '')

async function answerWithKeyboard(page: Page): Promise<void> {
  await page.keyboard.type('Harbour IMS Clinic')
  await page.keyboard.press('Tab')
  expect(await focused(page)).toBe('setup-phone')
  await page.keyboard.type('604 555 0101')
  await page.keyboard.press('Tab')
  expect(await focused(page)).toBe('setup-defaultLang')
  // Paper size: Tab reaches the chosen radio; arrow keys move the choice.
  await page.keyboard.press('Tab')
  expect(await focused(page)).toBe('setup-paper-letter')
  await page.keyboard.press('ArrowRight')
  expect(await focused(page)).toBe('setup-paper-a4')
  await page.keyboard.press('Tab')
  await page.keyboard.press('ArrowRight')
  expect(await focused(page)).toBe('setup-startScreen-front-desk')
  await page.keyboard.press('Tab')
  expect(await focused(page)).toBe('first-start-save')
  await page.keyboard.press('Enter')
  await page.waitForURL(/#\/front-desk$/)
}

async function skipWithKeyboard(page: Page): Promise<void> {
  for (let press = 0; press < 6; press++) await page.keyboard.press('Tab')
  expect(await focused(page)).toBe('Skip for now')
  await page.keyboard.press('Enter')
  await page.waitForURL(/#\/articles$/)
}

for (const zoom of ZOOMS) {
  describe(`first start on a new library at ${zoom.tag}`, () => {
    let app: LaunchedApp
    beforeAll(async () => {
      app = await launchApp({
        firstStart: true,
        viewport: zoom.viewport,
        deviceScaleFactor: zoom.deviceScaleFactor
      })
    })
    afterAll(async () => {
      expect(app.externalRequests).toEqual([])
      await app.close()
    })

    it('opens on the setup with the focus in the clinic name', async () => {
      const { page } = app
      await page.locator('#setup-name:focus').waitFor()
      expect(new URL(page.url()).hash).toBe(FIRST_START_HASH)
      mkdirSync(SCREENSHOTS, { recursive: true })
      await page.screenshot({ path: join(SCREENSHOTS, `first-start-${zoom.tag}.png`) })
      const full = join(SCREENSHOTS, `first-start-${zoom.tag}-full.png`)
      await page.screenshot({ path: full, fullPage: true })
    })

    it(`is ${zoom.deviceScaleFactor === 1 ? 'answered' : 'skipped'} with the keyboard alone`, async () => {
      const { page } = app
      await (zoom.deviceScaleFactor === 1 ? answerWithKeyboard(page) : skipWithKeyboard(page))
      await page.getByRole('heading', { level: 1 }).first().waitFor()
      await settled(page)
    })
  })
}
