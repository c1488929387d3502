import { join } from 'node:path'
import { expect } from 'vitest'
import type { Page } from 'playwright-core'
import { seriousViolations } from './axe'
import { OUT_DIR } from './harness'
import { settled } from './screens'

/** Where the e2e tests leave their screenshots (each file makes it in its beforeAll). */
export const SHOTS = join(OUT_DIR, 'screenshots')

/** How far the page scrolls sideways (0 when it fits). */
export const sideways = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

export interface LookOptions {
  /** The screenshot's file name starts with it: `<prefix>-<name>-<size>.png`. */
  readonly prefix: string
  /** Check for serious axe violations (off where another test already checks the screen). */
  readonly axe?: boolean
  /** The 1280×800 screenshot shows the whole page, not only the window. */
  readonly fullPage?: boolean
}

/**
 * A screen as a user sees it at both window sizes: 1280×800, and 200 % (640×400 CSS pixels
 * drawn at device scale 2, so both screenshots are 1280×800 pixels). At each: no sideways
 * scroll, and a screenshot to look at; then no serious axe violation. Leaves the window at
 * 1280×800.
 */
export async function lookAt(page: Page, name: string, options: LookOptions): Promise<void> {
  for (const [size, viewport, scale] of [
    ['1280', { width: 1280, height: 800 }, 'css'],
    ['200pc', { width: 640, height: 400 }, 'device']
  ] as const) {
    await page.setViewportSize(viewport)
    await settled(page)
    expect(await sideways(page), `${name} at ${size}`).toBeLessThanOrEqual(1)
    await page.screenshot({
      path: join(SHOTS, `${options.prefix}-${name}-${size}.png`),
      scale,
      fullPage: options.fullPage === true && size === '1280'
    })
  }
  if (options.axe ?? true) expect(await seriousViolations(page)).toEqual([])
  await page.setViewportSize({ width: 1280, height: 800 })
}
