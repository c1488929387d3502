import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openLibrary } from '../../src/main/core'
import type { Library } from '../../src/main/core'
import { libraryInternals } from '../../src/main/core/library'
import { freePort } from '../support/free-port'
import { ROOT, freshDataDir, launchApp } from './harness'
import type { LaunchedApp } from './harness'
import { lookAt, SHOTS } from './look-at'
import { openScreen } from './screens'

/**
 * The clinic network through the UI (docs/clinic-network.md): two launched apps, each on its own
 * data folder. Room 1 shares its library in Settings → Clinic network; the front desk joins it by
 * address, comparing the fingerprint both screens show; a French handout approved in room 1
 * then shows as approved at the front desk without anyone reopening the screen. A third data
 * folder, room 2 (the core alone, in this process), joins too; with the hub off, the front desk
 * and room 2 edit the same article; when the hub is back, the front desk shows the conflict
 * notice and both versions are kept. Screenshots
 * (1280×800 and the 200 % layout, 640×400 CSS pixels) go to <out>/screenshots.
 */
const PASSPHRASE = 'north clinic 2026'
/** The settings screens are long: the 1280×800 screenshot shows the whole page. */
const LOOK = { prefix: 'clinic-network', fullPage: true }
const NETWORK = '#/settings/clinic-network'

let room: LaunchedApp
let desk: LaunchedApp
let room2: Library | undefined
let hubPort = ''
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  const options = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 }
  ;[room, desk] = await Promise.all([launchApp(options), launchApp(options)])
})
afterAll(async () => {
  if (room2 !== undefined) {
    const { services } = libraryInternals(room2)
    await services.network.close()
    await services.sync.sync.close()
    room2.close()
  }
  expect(room.externalRequests).toEqual([])
  expect(desk.externalRequests).toEqual([])
  await Promise.all([room.close(), desk.close()])
})

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
    // Not the usual port: another run on this machine may hold it (then the front desk met that
    // hub and its fingerprint, once, beside a stress run).
    await hub.getByLabel('Port for the hub (optional)').fill(String(await freePort()))
    await hub.getByRole('button', { name: 'Share this library' }).click()
    await hub.getByRole('heading', { name: 'This computer is the clinic’s hub' }).waitFor()
    const hubFingerprint = await fingerprintOn(hub, 'This hub’s fingerprint')
    expect(hubFingerprint).toMatch(/^This hub’s fingerprint: ([0-9A-F]{8} ){7}[0-9A-F]{8}$/)
    const address = await hub.locator('.clinic-network__addresses code').first().textContent()
    const port = address?.split(':').at(-1) ?? ''
    hubPort = port
    await lookAt(hub, 'hub', LOOK)

    // The front desk: a French handout not yet approved by the clinic.
    const page = desk.page
    await openScreen(page, '#/front-desk', 'main h1')
    await page.getByRole('button', { name: /^After your IMS treatment/ }).click()
    await page.getByRole('button', { name: 'Français (Canada)' }).click()
    const notApproved = page.getByText(/has not been approved by the clinic yet/)
    await notApproved.waitFor()

    await openScreen(page, NETWORK, '#network-title')
    await page.getByLabel('Hub address').fill('127.0.0.1')
    await page.getByLabel('Port', { exact: true }).fill(port)
    await page.getByRole('button', { name: 'Connect' }).click()
    await page.getByText('Compare it with the fingerprint').waitFor()
    const seen = await fingerprintOn(page, 'Fingerprint of this hub')
    expect(seen?.replace('Fingerprint of this hub: ', '')).toBe(
      hubFingerprint?.replace('This hub’s fingerprint: ', '')
    )
    await lookAt(page, 'join-compare', LOOK)
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
    await lookAt(page, 'joined', LOOK)

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

  it('after concurrent edits with the hub off, the front desk shows the conflict and both versions', async () => {
    const port = Number(hubPort)
    const other = openLibrary({
      dataDir: freshDataDir(),
      resourcesDir: join(ROOT, 'resources'),
      warn: () => undefined,
      platform: { network: { announce: false } }
    })
    room2 = other
    const ask = async <T>(channel: string, input: unknown): Promise<T> => {
      const result = await other.call(channel, input)
      if (!result.ok) throw new Error(result.error.message)
      return result.value as T
    }
    const checked = await ask<{ fingerprint: string }>('network:checkHub', {
      host: '127.0.0.1',
      port
    })
    await ask('network:join', {
      host: '127.0.0.1',
      port,
      fingerprint: checked.fingerprint,
      passphrase: PASSPHRASE,
      computerName: 'Room 2'
    })
    const { sync } = libraryInternals(other).services.sync
    await sync.settled()

    // The hub goes off; both computers edit the same article.
    const hub = room.page
    await openScreen(hub, NETWORK, '#network-title')
    await hub.getByRole('button', { name: 'Stop sharing' }).click()
    await hub.getByRole('heading', { name: 'Share this library on the clinic network' }).waitFor()
    const page = desk.page
    await openScreen(page, '#/articles/what-is-ims/edit', 'textarea')
    const body = page.getByLabel(/Text \(Markdown\)/)
    await body.fill(`${await body.inputValue()}\n\nFront desk words: drink water after treatment.`)
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Edit' }).first().waitFor()
    const current = await ask<{
      title: string
      body: string
      category: string
      tags: string[]
      summary: string
      revision: number
    }>('articles:get', { id: 'what-is-ims' })
    await ask('articles:update', {
      id: 'what-is-ims',
      baseRevision: current.revision,
      title: current.title,
      body: `${current.body}\n\nRoom two words: gentle stretching at home.`,
      category: current.category,
      tags: current.tags,
      summary: current.summary
    })

    // The hub is back: both edits reach it and each other.
    await hub.getByLabel('Name of the clinic library').fill('North Clinic')
    await hub.getByLabel('Clinic passphrase').fill(PASSPHRASE)
    await hub.getByLabel('Repeat the passphrase').fill(PASSPHRASE)
    await hub.getByRole('button', { name: 'Share this library' }).click()
    await hub.getByRole('heading', { name: 'This computer is the clinic’s hub' }).waitFor()
    // Room 2 (the core, in this process) holds the conflict once it has pulled the front desk's
    // edit: waited for on its replica's changes and its status, never a timer.
    await untilConflict(other)
    // The front desk gets room 2's edit from the hub in the same way; the page is asked again.
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const bridge = (
              window as unknown as {
                pointbook: { sync: { conflicts(i: unknown): Promise<{ value?: unknown[] }> } }
              }
            ).pointbook
            const result = await bridge.sync.conflicts({ kind: 'article', itemId: 'what-is-ims' })
            return result.value?.length ?? 0
          }),
        { timeout: 120_000 }
      )
      .toBeGreaterThan(0)
    // Opened anew (the page the save left open asked before the conflict arrived).
    await openScreen(page, '#/articles', 'main h1')
    // The Knowledge base list marks the article, with a link to its page.
    const mark = page.getByRole('link', { name: 'Changed on two computers: see both' })
    await mark.waitFor()
    expect(await mark.getAttribute('href')).toBe('#/articles/what-is-ims')
    await mark.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(SHOTS, 'clinic-network-conflict-list-1280.png') })
    await openScreen(page, '#/articles/what-is-ims', 'main h1')
    await page.getByText('This was also changed on another computer at the same time.').waitFor()
    await page.screenshot({ path: join(SHOTS, 'clinic-network-conflict-1280.png') })
    const texts = await page.evaluate(async () => {
      const bridge = (
        window as unknown as {
          pointbook: Record<
            string,
            Record<
              string,
              (i: unknown) => Promise<{
                value: { body?: string; revision?: number | null }[] & { body?: string }
              }>
            >
          >
        }
      ).pointbook
      const conflicts = (await bridge.sync!.conflicts!({ kind: 'article', itemId: 'what-is-ims' }))
        .value
      const shown = (await bridge.articles!.get!({ id: 'what-is-ims' })).value.body ?? ''
      const revision = conflicts[0]?.revision ?? 0
      const other =
        (await bridge.articles!.revision!({ id: 'what-is-ims', revision })).value.body ?? ''
      // For a failure's message: every revision's last words, and the conflicts.
      const history: string[] = []
      for (const { revision: number } of (await bridge.articles!.revisions!({ id: 'what-is-ims' }))
        .value as { revision?: number | null }[]) {
        const body = (await bridge.articles!.revision!({ id: 'what-is-ims', revision: number }))
          .value.body
        history.push(`${number}: …${(body ?? '').slice(-45)}`)
      }
      return [shown, other, JSON.stringify({ conflicts, history })]
    })
    const both = `${texts[0]}\n${texts[1]}`
    // Seen once in a full run beside stress --cpu 4 (session 7): both texts were room 2's.
    expect(both, texts[2]).toContain('Front desk words: drink water after treatment.')
    expect(both, texts[2]).toContain('Room two words: gentle stretching at home.')
    expect(texts[0]).not.toBe(texts[1])
  })
})

/** Resolves once this computer holds a conflict on the article (after its replica's changes). */
async function untilConflict(library: Library): Promise<void> {
  const { sync } = libraryInternals(library).services.sync
  const replica = sync.replica
  if (replica === null) throw new Error('Room 2 has no replica.')
  let wake: () => void = () => undefined
  const feed = replica.changes({ since: 'now', live: true }).on('change', () => wake())
  const stop = sync.onStatus(() => wake())
  try {
    for (;;) {
      await sync.settled()
      const found = await library.call('sync:conflicts', { kind: 'article', itemId: 'what-is-ims' })
      if (found.ok && (found.value as unknown[]).length > 0) return
      await new Promise<void>((resolve) => (wake = resolve))
    }
  } finally {
    feed.cancel()
    stop()
  }
}
