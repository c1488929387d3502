/**
 * Issue 12, the atlas at 1280×800 in a real browser (layout needs one): the figures use the map's
 * room, a nerve-root lookup lists many muscles above the fold, and a marker's tooltip is never
 * cut off by the map's scroll box or the window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp } from './harness'
import type { LaunchedApp } from './harness'
import { openScreen } from './screens'

const VIEWPORT = { width: 1280, height: 800 }

let app: LaunchedApp

beforeAll(async () => {
  app = await launchApp({ viewport: VIEWPORT })
  await app.page.waitForSelector('main')
})

afterAll(async () => {
  expect(app.externalRequests).toEqual([])
  await app.close()
})

describe('the atlas at 1280×800', () => {
  it('draws each body figure about 200 px wide (it was ~164 px)', async () => {
    await openScreen(app.page, '#/atlas', '.atlas__views svg[data-view="back"] .figure__body')
    for (const view of ['front', 'back']) {
      const box = await app.page
        .locator(`.atlas__views svg[data-view="${view}"] .figure__body`)
        .first()
        .boundingBox()
      expect(box?.width, view).toBeGreaterThanOrEqual(195)
    }
  })

  it('shows at least 12 of the 22 C5–C6 muscles above the fold', async () => {
    await openScreen(app.page, '#/atlas?mode=roots&roots=C5,C6', '.candidate-list__item')
    const rows = app.page.getByRole('list', { name: 'Muscles supplied' }).getByRole('listitem')
    expect(await rows.count()).toBe(22)
    const visible = await rows.evaluateAll(
      (items, height) =>
        items.filter((item) => {
          const box = item.getBoundingClientRect()
          return box.top >= 0 && box.bottom <= height
        }).length,
      VIEWPORT.height
    )
    expect(visible).toBeGreaterThanOrEqual(12)
  })

  it('keeps a tooltip whole beside a marker near the edge of the map', async () => {
    await openScreen(app.page, '#/atlas', '.atlas__views svg[data-view="back"] .figure__body')
    // The back view's marker nearest the card's right edge whose tooltip opens to the right
    // (before: cut off by the map's scroll box).
    const markers = app.page.locator('.atlas__views svg[data-view="back"] .body-map__marker')
    const xs = await markers.evaluateAll((all) =>
      all.map((m) => Number(m.querySelector('.body-map__dot')?.getAttribute('cx')))
    )
    const index = xs.reduce((best, x, i) => (x < 240 && x > (xs[best] ?? 0) ? i : best), 0)
    await markers.nth(index).hover()
    const tooltip = app.page.getByRole('tooltip')
    await tooltip.waitFor()
    const box = await tooltip.boundingBox()
    if (!box) throw new Error('no tooltip on screen')
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(VIEWPORT.width)
    expect(box.y + box.height).toBeLessThanOrEqual(VIEWPORT.height)
    // Nothing clips or covers it: each corner of the tooltip is the tooltip (which lets the
    // pointer through to the map; hit-testing needs it to take the pointer for this check).
    const corners = await tooltip.evaluate((tip: HTMLElement) => {
      tip.style.pointerEvents = 'auto'
      const r = tip.getBoundingClientRect()
      return [
        [r.left + 2, r.top + 2],
        [r.right - 2, r.top + 2],
        [r.left + 2, r.bottom - 2],
        [r.right - 2, r.bottom - 2]
      ].map(([x, y]) => tip.contains(document.elementFromPoint(x as number, y as number)))
    })
    expect(corners).toEqual([true, true, true, true])
  })
})
