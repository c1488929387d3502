import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchApp } from './harness'
import type { LaunchedApp } from './harness'
import { openScreen, SCREENS } from './screens'

/**
 * No screen scrolls sideways at 1280×800 or at 200 % zoom (the same window at device scale 2:
 * 640×400 CSS pixels). A failure names the elements that reach past the right edge.
 */
async function sidewaysOverflow(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement
    const width = root.clientWidth
    const culprits: string[] = []
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const box = element.getBoundingClientRect()
      if (box.right > width + 1 && box.width > 0) {
        const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${String(element.className)}`
        culprits.push(`${name} (right ${Math.round(box.right)})`)
      }
    }
    return { overflow: root.scrollWidth - width, culprits: culprits.slice(0, 5) }
  })
}

const ZOOMS = [
  { name: '1280×800', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  { name: '200 %', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }
]

for (const zoom of ZOOMS) {
  describe(`no screen scrolls sideways at ${zoom.name}`, () => {
    let app: LaunchedApp
    beforeAll(async () => {
      app = await launchApp({ viewport: zoom.viewport, deviceScaleFactor: zoom.deviceScaleFactor })
    })
    afterAll(async () => {
      await app.close()
    })

    for (const screen of SCREENS) {
      it(`${screen.route} fits the window's width`, async () => {
        await openScreen(app.page, screen.route, screen.ready)
        const { overflow, culprits } = await sidewaysOverflow(app.page)
        expect({ overflow: Math.max(0, overflow), culprits: overflow > 0 ? culprits : [] }).toEqual(
          { overflow: 0, culprits: [] }
        )
      })
    }
  })
}
