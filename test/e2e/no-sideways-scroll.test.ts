import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchApp } from './harness'
import type { LaunchedApp } from './harness'
import { openScreen, SCREENS } from './screens'

/**
 * No screen scrolls sideways at 1280×800 or at 200 % zoom (the same window at device scale 2:
 * 640×400 CSS pixels), and no button is cut off at the right edge inside a scrolling box. A
 * failure names the elements that reach past the right edge.
 *
 * How far the page scrolls sideways, and what sticks out or is cut off at the right. */
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
    // A button past the right edge inside a scrolling box does not widen the page but is cut off.
    const cutOff = Array.from(document.querySelectorAll('button'))
      .filter((button) => button.getBoundingClientRect().right > width + 1)
      .map((button) => `button "${button.textContent?.trim() ?? ''}"`)
    return {
      overflow: Math.max(0, root.scrollWidth - width),
      culprits: [...cutOff, ...(root.scrollWidth > width ? culprits.slice(0, 5) : [])]
    }
  })
}

/** Screens measured with content in them, not empty. */
const ROW_READY: Record<string, string> = { '#/print-log': '[data-testid="print-log-row"]' }

const ZOOMS = [
  { name: '1280×800', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  { name: '200 %', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }
]

for (const zoom of ZOOMS) {
  describe(`no screen scrolls sideways at ${zoom.name}`, () => {
    let app: LaunchedApp
    beforeAll(async () => {
      app = await launchApp({ viewport: zoom.viewport, deviceScaleFactor: zoom.deviceScaleFactor })
      // One print of two handouts, through the app's own bridge, so the print log has a row
      // (its buttons were cut off at 200 %).
      await app.page.evaluate(async () => {
        const bridge = (window as unknown as Record<string, unknown>)['pointbook'] as {
          handouts: {
            print: (options: unknown) => Promise<{ ok: boolean; value?: { status: string } }>
          }
        }
        const result = await bridge.handouts.print({
          items: [
            { id: 'first-ims-visit', lang: 'en' },
            { id: 'after-ims', lang: 'en' }
          ],
          paper: 'letter',
          largePrint: false,
          copies: 1
        })
        if (result.value?.status !== 'printed')
          throw new Error(`not printed: ${JSON.stringify(result)}`)
      })
    })
    afterAll(async () => {
      await app.close()
    })

    for (const screen of SCREENS) {
      it(`${screen.route} fits the window's width`, async () => {
        await openScreen(app.page, screen.route, ROW_READY[screen.route] ?? screen.ready)
        const { overflow, culprits } = await sidewaysOverflow(app.page)
        expect({ overflow, culprits }).toEqual({ overflow: 0, culprits: [] })
      })
    }
  })
}
