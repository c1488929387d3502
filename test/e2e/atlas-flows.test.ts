/**
 * Issue 4 through the UI, on the built renderer and the real core: search from pain, the
 * segmental lookup, finding a point however it is written, practitioner notes (search, reopen,
 * drafts) and a hostile note that must render inert (S9).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { findHostileMarkup } from '../../src/shared/markdown'
import { freshDataDir, launchApp, ROOT } from './harness'
import type { LaunchedApp } from './harness'

const open: LaunchedApp[] = []

async function start(route: string, dataDir?: string): Promise<LaunchedApp> {
  const app = await launchApp({ route, ...(dataDir ? { dataDir } : {}) })
  open.push(app)
  await app.page.waitForSelector('main')
  return app
}

afterEach(async () => {
  for (const app of open.splice(0)) {
    expect(app.externalRequests).toEqual([])
    await app.close()
  }
})

/** Clicks a body-map point (viewBox coordinates) on the atlas's front or back view. */
async function clickMap(page: Page, view: 'front' | 'back', x: number, y: number): Promise<void> {
  const svg = page.locator(`.atlas__views svg[data-view="${view}"]`)
  const box = await svg.boundingBox()
  if (!box) throw new Error('the body map is not on screen')
  await page.mouse.click(box.x + (x / 400) * box.width, box.y + (y / 1000) * box.height)
}

describe('atlas on the body map', () => {
  it('selecting the front of the shoulder lists infraspinatus among the candidates', async () => {
    const { page } = await start('#/atlas')
    await page.getByRole('link', { name: 'Where it hurts' }).click()
    await page.waitForSelector('.atlas__views svg[data-view="front"]')
    // Front of the shoulder (landmark anterior-shoulder-r: 115, 215 on the front view).
    await clickMap(page, 'front', 115, 215)
    const candidates = page.getByRole('list', { name: 'Candidate muscles' })
    await expect
      .poll(() => candidates.getByRole('link').allTextContents())
      .toContain('Infraspinatus')
    expect(page.url()).toContain('spot=front')
    // The same from the keyboard: the list of places (once it is chosen, the list is of it).
    const clicked = page.url()
    await page.getByLabel('Place').selectOption({ label: 'Front of shoulder (left)' })
    await expect.poll(() => page.url()).not.toBe(clicked)
    await expect
      .poll(() => candidates.getByRole('link').allTextContents())
      .toContain('Infraspinatus')
    // The map draws the candidates' referral zones.
    await expect
      .poll(() => page.locator('.atlas__views .body-map__zone').count())
      .toBeGreaterThan(0)
  })

  it('the C5–C6 lookup lists and highlights the muscles those roots supply, and the paraspinal levels', async () => {
    const { page } = await start('#/atlas')
    await page.getByRole('link', { name: 'Nerve roots' }).click()
    for (const root of ['C5', 'C6']) {
      const button = page.getByRole('button', { name: root, exact: true })
      await button.click()
      // Chosen on screen: the list, the rings and the bands below are of this choice.
      await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true')
    }
    const list = page.getByRole('list', { name: 'Muscles supplied' })
    await expect
      .poll(() => list.getByRole('link').allTextContents())
      .toEqual(expect.arrayContaining(['Infraspinatus', 'Supraspinatus', 'Deltoid']))
    const names = await list.getByRole('link').allTextContents()
    // Every listed muscle is ringed on the map; muscles of other roots are dimmed.
    for (const name of ['Infraspinatus', 'Supraspinatus']) {
      const marker = page.locator(`.body-map__marker[aria-label^="${name}:"]`).first()
      await expect.poll(() => marker.getAttribute('class')).toContain('body-map__marker--highlight')
    }
    const gastrocnemius = page.locator('.body-map__marker[aria-label^="Gastrocnemius:"]').first()
    expect(await gastrocnemius.getAttribute('class')).toContain('body-map__marker--dim')
    const highlighted = await page
      .locator('.body-map__marker--highlight')
      .evaluateAll((els) => [
        ...new Set(els.map((e) => e.getAttribute('aria-label')?.split(':')[0]))
      ])
    expect(highlighted.sort()).toEqual([...names].sort())
    // The paraspinal bands at C5 and C6 on the back view.
    const bands = page.locator('svg[data-view="back"] .body-map__band-label')
    expect(await bands.allTextContents()).toEqual(['C5', 'C6'])
    expect(page.url()).toContain('roots=C5%2CC6')
  })

  it('hover and focus show a marker’s name and safety flags; Enter opens the muscle', async () => {
    const { page } = await start('#/atlas')
    const marker = page.locator('.body-map__marker[aria-label^="Gastrocnemius:"]').first()
    await marker.hover()
    const tip = page.getByRole('tooltip')
    await expect.poll(() => tip.textContent()).toContain('Gastrocnemius')
    expect(await tip.textContent()).toContain('Near large vessels')
    // Keyboard: one tab stop for the map, arrow keys between markers, the name on focus.
    const trap = page.locator('.body-map__marker[aria-label^="Upper trapezius:"]').first()
    await trap.focus()
    await expect.poll(() => tip.textContent()).toContain('Pneumothorax risk')
    expect(await trap.getAttribute('aria-describedby')).toBe(await tip.getAttribute('id'))
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Upper trapezius' }).waitFor()
    expect(await page.getByRole('complementary', { name: 'Safety' }).textContent()).toContain(
      'Pneumothorax risk'
    )
  })
})

describe('acupoints', () => {
  it('searching "li 4" opens Hegu with its pregnancy flag visible', async () => {
    const { page } = await start('#/articles')
    const search = page.getByRole('combobox').first()
    await search.fill('li 4')
    const option = page.getByRole('option', { name: /Hegu/ }).first()
    await option.waitFor()
    expect(await option.textContent()).toContain('Pregnancy caution')
    await option.click()
    await page.getByRole('heading', { level: 1, name: /LI4\s+Hegu/ }).waitFor()
    const flag = page.getByRole('complementary', { name: 'Safety' })
    await flag.waitFor()
    expect(await flag.textContent()).toContain('Pregnancy caution')
    expect(page.url()).toContain('#/acupoints/LI4')
  })

  it('the points page finds a point however it is written and browses by channel', async () => {
    const { page } = await start('#/acupoints')
    for (const q of ['LI4', 'li-4', 'Hegu', 'Joining Valley']) {
      await page.getByLabel('Find a point').fill(q)
      const first = page.locator('.point-table tbody tr').first()
      await expect.poll(() => first.textContent()).toContain('Hegu')
    }
    await page.getByLabel('Find a point').fill('')
    await page.getByRole('button', { name: /^BL/ }).click()
    await expect.poll(() => page.locator('.point-table tbody tr').count()).toBe(67)
  })
})

describe('practitioner notes', () => {
  it('a note on upper trapezius is found by the search and survives reopening the library', async () => {
    const dataDir = freshDataDir()
    const first = await start('#/atlas/muscles/upper-trapezius', dataDir)
    const page = first.page
    await page.getByRole('button', { name: 'Add a note' }).click()
    await page
      .getByLabel('Note (Markdown)')
      .fill('Quadrilateral **pincer** technique works best here.')
    await page.getByRole('button', { name: 'Save note' }).click()
    await page.getByRole('article', { name: /Quadrilateral pincer technique/ }).waitFor()

    const search = page.getByRole('combobox').first()
    await search.fill('quadrilateral')
    const option = page.getByRole('option', { name: /Quadrilateral/ }).first()
    await option.waitFor()
    expect(await option.textContent()).toContain('Upper trapezius')
    await option.click()
    await page.getByRole('heading', { level: 1, name: /Quadrilateral pincer/ }).waitFor()

    // A draft typed and never saved survives closing the app.
    await page.goto(page.url().replace(/#.*$/, '#/atlas/muscles/upper-trapezius'))
    await page.getByRole('button', { name: 'Add a note' }).click()
    await page.getByLabel('Note (Markdown)').fill('Half-written thought about C3')
    await page.getByText('Draft kept').waitFor()
    await first.close()
    open.splice(open.indexOf(first), 1)

    const again = await start('#/atlas/muscles/upper-trapezius', dataDir)
    await again.page.getByRole('article', { name: /Quadrilateral pincer technique/ }).waitFor()
    const restored = again.page.getByLabel('Note (Markdown)')
    await restored.waitFor()
    expect(await restored.inputValue()).toBe('Half-written thought about C3')
    await again.page.getByText(/Restored the unsaved draft/).waitFor()
  })

  it('a hostile note renders inert (S9)', async () => {
    const { page } = await start('#/notes')
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    const hostile = ['script-and-handlers.md', 'raw-html.md', 'links.md']
      .map((f) => readFileSync(join(ROOT, 'test/fixtures/hostile/markdown', f), 'utf8'))
      .join('\n\n')
    await page.getByRole('button', { name: 'Add a note' }).click()
    await page.getByLabel('Note (Markdown)').fill(hostile)
    await page.getByRole('tab', { name: 'Preview' }).click()
    await page.getByRole('region', { name: 'Preview of the note' }).waitFor()
    await page.getByRole('button', { name: 'Save note' }).click()
    const card = page.getByRole('article', { name: 'Script and handlers' })
    await card.waitFor()
    // Rendered: the "Preparing the text…" status is gone and every image has loaded or failed
    // (a handler that survived would have run by then).
    await card.locator('.markdown__loading').waitFor({ state: 'detached' })
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('.note-card .prose img')).every(
        (img) => (img as HTMLImageElement).complete
      )
    )
    expect(await card.locator('.prose').innerHTML()).not.toBe('')
    const html = await page.locator('main').innerHTML()
    expect(findHostileMarkup(html)).toEqual([])
    // The same, asked of the live DOM: no such element, no handler attribute, no script URL.
    const live = await page.locator('main').evaluate((main) => {
      const found: string[] = []
      for (const el of main.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase()
        if (['script', 'iframe', 'object', 'embed', 'foreignobject'].includes(tag)) found.push(tag)
        for (const attr of el.attributes) {
          if (/^on/i.test(attr.name)) found.push(`${tag}[${attr.name}]`)
          if (/^\s*(javascript|vbscript):/i.test(attr.value))
            found.push(`${tag}[${attr.name}=script url]`)
        }
      }
      return found
    })
    expect(live).toEqual([])
    // Hover everything on screen in the note: nothing runs.
    for (const el of await page.locator('.note-card .prose *').all()) {
      if (await el.isVisible()) await el.hover({ force: true })
    }
    expect(dialogs).toEqual([])
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)
    ).toBeUndefined()
  })
})
