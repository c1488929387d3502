/**
 * `npm run screenshots`: opens every screen of the built app on a fresh library through the e2e
 * harness and writes PNGs to artifacts/screenshots/ (or the folder given as the first argument).
 * Look at every one after a change to the UI.
 */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { launchApp, ROOT } from '../test/e2e/harness'
import { EXTRA_SHOTS } from './screenshot-shots'

export interface Shot {
  name: string
  route: string
  /** Runs after navigation, before the picture: wait for content, open a dialog… */
  prepare?: (page: Page) => Promise<void>
  zoom?: number
}

const waitForMain = async (page: Page): Promise<void> => {
  await page.waitForSelector('main')
  await page.waitForLoadState('networkidle')
}

export const SHOTS: Shot[] = [
  { name: 'library', route: '#/articles' },
  {
    name: 'article-with-diagram',
    route: '#/articles/course-of-care',
    prepare: async (page) => {
      await page.waitForSelector('figure.diagram svg', { timeout: 20_000 })
      await page.locator('figure.diagram').first().scrollIntoViewIfNeeded()
    }
  },
  { name: 'article-ims', route: '#/articles/what-is-ims' },
  { name: 'editor', route: '#/articles/what-is-ims/edit' },
  { name: 'revision-history', route: '#/articles/what-is-ims/history' },
  { name: 'search-results', route: '#/search?q=twitch' },
  {
    name: 'palette',
    route: '#/articles',
    prepare: async (page) => {
      await page.keyboard.press('Control+k')
      await page.keyboard.type('pneumo')
      await page.waitForTimeout(400)
    }
  },
  { name: 'library-zoom-200', route: '#/articles', zoom: 2 }
]

async function main(): Promise<void> {
  const outDir = resolve(process.argv[2] ?? join(ROOT, 'artifacts', 'screenshots'))
  mkdirSync(outDir, { recursive: true })
  for (const shot of [...SHOTS, ...EXTRA_SHOTS]) {
    const zoom = shot.zoom ?? 1
    const app = await launchApp({
      route: shot.route,
      viewport: { width: Math.round(1280 / zoom), height: Math.round(800 / zoom) },
      deviceScaleFactor: zoom
    })
    try {
      await waitForMain(app.page)
      await shot.prepare?.(app.page)
      const file = join(outDir, `${shot.name}.png`)
      await app.page.screenshot({ path: file })
      console.log(`wrote ${file}`)
      if (app.externalRequests.length > 0) {
        throw new Error(`requests left the app: ${app.externalRequests.join(', ')}`)
      }
    } finally {
      await app.close()
    }
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
