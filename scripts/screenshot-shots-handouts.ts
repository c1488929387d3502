import type { Page } from 'playwright-core'
import type { Shot } from './screenshots'

/** Waits until pdf.js has drawn the first preview page onto its canvas. */
const previewDrawn = async (page: Page): Promise<void> => {
  await page.locator('canvas').first().waitFor({ timeout: 30_000 })
  await page.waitForTimeout(800)
}

/** Issue 3: the front desk, handouts, the editor with its preview, settings and the print log. */
export const HANDOUT_SHOTS: Shot[] = [
  { name: 'front-desk', route: '#/front-desk' },
  { name: 'front-desk-zoom-200', route: '#/front-desk', zoom: 2 },
  { name: 'handouts', route: '#/handouts' },
  { name: 'handout-after-ims-en', route: '#/handouts/after-ims/en', prepare: previewDrawn },
  {
    name: 'handout-first-ims-zh',
    route: '#/handouts/first-ims-visit/zh-Hans',
    prepare: previewDrawn
  },
  { name: 'handout-editor', route: '#/handouts/after-ims/en/edit', prepare: previewDrawn },
  { name: 'settings', route: '#/settings' },
  { name: 'print-log', route: '#/print-log' }
]
