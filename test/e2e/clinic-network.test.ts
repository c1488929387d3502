import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { seriousViolations } from './axe'
import { OUT_DIR, launchApp } from './harness'
import type { LaunchedApp } from './harness'
import { openScreen, settled } from './screens'

/**
 * The clinic network through the UI (docs/clinic-network.md): two launched apps, each on its own
 * data folder. Room 1 shares its library in Settings → Clinic network; the front desk joins it by
 * address, comparing the fingerprint both screens show; a French handout approved in room 1
 * then shows as approved at the front desk without anyone reopening the screen. Screenshots
 * (1280×800 and the 200 % layout, 640×400 CSS pixels) go to <out>/screenshots.
 */
const SHOTS = join(OUT_DIR, 'screenshots')
const PASSPHRASE = 'north clinic 2026'
const NETWORK = '#/settings/clinic-network'

let room: LaunchedApp
let desk: LaunchedApp
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  const options = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 }
  ;[room, desk] = await Promise.all([launchApp(options), launchApp(options)])
})
afterAll(async () => {
  expect(room.externalRequests).toEqual([])
  expect(desk.externalRequests).toEqual([])
  await Promise.all([room.close(), desk.close()])
})

const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

/**
 * Both window sizes: no sideways scroll and a screenshot of each; no serious axe violation on
 * what only this test draws. (The screen as a computer off the network first shows it is in
 * screens.ts: the accessibility and no-sideways-scroll tests check it.)
 */
async function lookAt(page: Page, name: string): Promise<void> {
  for (const [size, viewport, scale] of [
    ['1280', { width: 1280, height: 800 }, 'css'],
    ['200pc', { width: 640, height: 400 }, 'device']
  ] as const) {
    await page.setViewportSize(viewport)
    await settled(page)
    expect(await sideways(page), `${name} at ${size}`).toBeLessThanOrEqual(1)
    await page.screenshot({
      path: join(SHOTS, `clinic-network-${name}-${size}.png`),
      scale,
      fullPage: size === '1280'
    })
  }
  expect(await seriousViolations(page)).toEqual([])
  await page.setViewportSize({ width: 1280, height: 800 })
}

/** The fingerprint a screen shows, as its groups read out. */
const fingerprintOn = (page: Page, label: string) =>
  page.getByRole('figure').filter({ hasText: label }).locator('code').getAttribute('aria-label')

describe('the clinic network, two computers through the UI', () => {
  it('room 1 shares; the front desk joins; a handout approved in room 1 shows at the front desk', async () => {
    const hub = room.page
    await openScreen(hub, NETWORK, '#network-title')
    await hub.screenshot({ path: join(SHOTS, 'clinic-network-off-1280.png') })
    await hub.getByLabel('Name of the clinic library').fill('North Clinic')
    await hub.getByLabel('Clinic passphrase').fill(PASSPHRASE)
    await hub.getByLabel('Repeat the passphrase').fill(PASSPHRASE)
    await hub.getByRole('button', { name: 'Share this library' }).click()
    await hub.getByRole('heading', { name: 'This computer is the clinic’s hub' }).waitFor()
    const hubFingerprint = await fingerprintOn(hub, 'This hub’s fingerprint')
    expect(hubFingerprint).toMatch(/^This hub’s fingerprint: ([0-9A-F]{8} ){7}[0-9A-F]{8}$/)
    const address = await hub.locator('.clinic-network__addresses code').first().textContent()
    const port = address?.split(':').at(-1) ?? ''
    await lookAt(hub, 'hub')

    // The front desk: a French handout not yet approved by the clinic.
    const page = desk.page
    await openScreen(page, '#/front-desk', 'main h1')
    await page.getByRole('button', { name: /^After your IMS treatment/ }).click()
    await page.getByRole('button', { name: 'Français (Canada)' }).click()
    const notApproved = page.getByText(/has not been approved by the clinic yet/)
    await notApproved.waitFor()

    await openScreen(page, NETWORK, '#network-title')
    await page.getByLabel('Hub address').fill('127.0.0.1')
    await page.getByLabel('Port').fill(port)
    await page.getByRole('button', { name: 'Connect' }).click()
    await page.getByText('Compare it with the fingerprint').waitFor()
    const seen = await fingerprintOn(page, 'Fingerprint of this hub')
    expect(seen?.replace('Fingerprint of this hub: ', '')).toBe(
      hubFingerprint?.replace('This hub’s fingerprint: ', '')
    )
    await lookAt(page, 'join-compare')
    await page.getByLabel('Name of this computer').fill('Front desk')
    await page.getByLabel('The clinic passphrase (set on the hub)').fill('not the passphrase')
    await page.getByRole('button', { name: 'The fingerprints match: join' }).click()
    await page.getByRole('alert').filter({ hasText: 'That is not the clinic passphrase' }).waitFor()
    await page.getByLabel('The clinic passphrase (set on the hub)').fill(PASSPHRASE)
    await page.getByRole('button', { name: 'The fingerprints match: join' }).click()
    await page.getByText('This computer joined North Clinic.').waitFor()
    await page.screenshot({ path: join(SHOTS, 'clinic-network-join-report-1280.png') })
    await page.getByRole('button', { name: 'Done' }).click()
    await page.getByRole('heading', { name: 'Joined to North Clinic' }).waitFor()
    const status = page.locator('.network-indicator')
    await status.filter({ hasText: 'Connected' }).waitFor()
    await lookAt(page, 'joined')

    // Room 1 approves the French version; the front desk, left open, shows it approved.
    await openScreen(page, '#/front-desk', 'main h1')
    await page.getByRole('button', { name: /^After your IMS treatment/ }).click()
    await page.getByRole('button', { name: 'Français (Canada)' }).click()
    await notApproved.waitFor()
    await openScreen(hub, '#/handouts/after-ims/fr-CA', '#approve-by')
    await hub.getByLabel('Approved by').fill('Dr. Lee')
    await hub.getByRole('button', { name: /^Approve version/ }).click()
    await hub.getByText(/^Approved by Dr\. Lee/).waitFor()
    const approvedAt = Date.now()
    await notApproved.waitFor({ state: 'detached' })
    const seconds = (Date.now() - approvedAt) / 1000
    console.info(
      `clinic-network e2e: the approval showed at the front desk after ${seconds.toFixed(1)} s`
    )
    await page.screenshot({ path: join(SHOTS, 'clinic-network-front-desk-approved.png') })
    await hub.locator('.network-indicator').waitFor()
    await hub.screenshot({ path: join(SHOTS, 'clinic-network-status-hub.png') })
  })
})
