import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchApp } from './harness'
import type { LaunchedApp } from './harness'
import { openScreen } from './screens'

/**
 * Chinese in the interface uses the bundled Noto Sans SC ('Pointbook CJK'), whatever fonts the
 * computer has, and the font is fetched only once Chinese is on screen (unicode-range).
 */
const cjkFaces = (page: Page) =>
  page.evaluate(() =>
    [...document.fonts]
      .filter((face) => face.family.replace(/["']/g, '') === 'Pointbook CJK')
      .map((face) => ({ weight: face.weight, status: face.status }))
  )

describe('the Chinese interface font', () => {
  let app: LaunchedApp
  beforeAll(async () => {
    app = await launchApp({ route: '#/articles' })
  })
  afterAll(async () => {
    expect(app.externalRequests).toEqual([])
    await app.close()
  })

  it('is declared but not fetched while no Chinese is on screen', async () => {
    await openScreen(app.page, '#/articles', 'h1')
    await app.page.evaluate(() => document.fonts.ready)
    const faces = await cjkFaces(app.page)
    expect(faces.map((f) => f.weight).sort()).toEqual(['400', '700'])
    expect(faces.every((f) => f.status === 'unloaded')).toBe(true)
  })

  it('is fetched from the app and used once a Chinese handout title is shown', async () => {
    await openScreen(app.page, '#/handouts/after-ims/zh-Hans', 'h1')
    await app.page.waitForFunction(() =>
      [...document.fonts].some(
        (face) => face.family.replace(/["']/g, '') === 'Pointbook CJK' && face.status === 'loaded'
      )
    )
    expect(
      await app.page.evaluate(() => document.fonts.check('16px "Pointbook CJK"', '术后'))
    ).toBe(true)
  })
})
