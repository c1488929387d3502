import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchApp } from './harness'
import type { LaunchedApp } from './harness'
import { lookAt, SHOTS } from './look-at'
import { openScreen } from './screens'

/**
 * Front-desk mode end to end (docs/front-desk-role.md), on one launched app: a practitioner sets
 * the PIN and switches the computer in Settings; the frame says so; Edit text is gone and the
 * page's own bridge is refused by the core; printing still works; the PIN brings editing back.
 * Screenshots (1280×800 and the 200 % layout, 640×400 CSS pixels) go to <out>/screenshots.
 */
const LOOK = { prefix: 'front-desk-role' }
const PIN = '2580'

let app: LaunchedApp
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  app = await launchApp({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 })
})
afterAll(async () => {
  expect(app.externalRequests).toEqual([])
  await app.close()
})

const indicator = (page: Page) => page.getByRole('button', { name: /Front-desk mode/ })

describe('front-desk mode', () => {
  it('is switched on in Settings, hides editing, keeps printing, and the core refuses edits', async () => {
    const { page } = app
    await page.locator('main h1').first().waitFor()
    await openScreen(page, '#/settings', '#role-title')
    const section = page.getByRole('region', { name: 'Front-desk mode' })
    await section.getByLabel('Practitioner PIN').fill(PIN)
    await section.getByLabel('Repeat the PIN').fill(PIN)
    await section.getByRole('button', { name: 'Set PIN' }).click()
    await section.getByText(/A PIN is set\./).waitFor()
    await lookAt(page, 'settings-practitioner', LOOK)
    await section.getByRole('button', { name: 'Switch this computer to front-desk mode' }).click()
    await indicator(page).waitFor()
    expect(await page.getByLabel('Clinic name').isDisabled()).toBe(true)
    await lookAt(page, 'settings-front-desk', LOOK)

    await openScreen(page, '#/handouts/after-ims/en', 'canvas')
    expect(await page.getByRole('link', { name: 'Edit text' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: /^Approve version/ }).count()).toBe(0)
    await lookAt(page, 'handout', { ...LOOK, axe: false })
    await page.getByRole('button', { name: 'Print', exact: true }).click()
    await expect.poll(() => app.printing.printJobs.length).toBe(1)

    // The core refuses an edit sent straight through the page's bridge, not only the hidden UI.
    const refused = await page.evaluate(async () => {
      const bridge = (window as unknown as Record<string, unknown>)['pointbook'] as {
        articles: { create: (input: unknown) => Promise<unknown> }
      }
      return bridge.articles.create({
        title: 'Written at the front desk',
        body: 'Text.',
        category: 'ims',
        tags: [],
        summary: ''
      })
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden_role' } })
  })

  it('needs the PIN to switch back: a wrong one is refused with the tries left', async () => {
    const { page } = app
    await indicator(page).click()
    const dialog = page.getByRole('dialog', { name: 'Switch to practitioner mode' })
    await dialog.getByLabel('Practitioner PIN').fill('0000')
    await dialog.getByRole('button', { name: 'Switch' }).click()
    await dialog
      .getByText('That PIN is not right. 4 tries left before a one-minute lock.')
      .waitFor()
    await lookAt(page, 'pin-dialog', LOOK)
    await dialog.getByLabel('Practitioner PIN').fill(PIN)
    await dialog.getByRole('button', { name: 'Switch' }).click()
    await dialog.waitFor({ state: 'detached' })
    await indicator(page).waitFor({ state: 'detached' })
    await page.getByRole('link', { name: 'Edit text' }).waitFor()
  })
})
