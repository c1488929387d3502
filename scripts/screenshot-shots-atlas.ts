import type { Page } from 'playwright-core'
import type { Shot } from './screenshots'

const mapDrawn = async (page: Page): Promise<void> => {
  await page.waitForSelector('.body-map svg[data-view="back"] .figure__body')
  await page.waitForTimeout(300)
}

/** Issue 4's screens: the body map (front and back, zones shown), pages, lookups and notes. */
export const ATLAS_SHOTS: Shot[] = [
  { name: 'atlas-map-zones', route: '#/atlas?zones=all', prepare: mapDrawn },
  {
    name: 'atlas-map-zones-large',
    route: '#/atlas?zones=all&points=1',
    prepare: mapDrawn,
    zoom: 0.75
  },
  {
    name: 'atlas-pain-front-shoulder',
    route: '#/atlas?mode=pain&spot=front,115,215',
    prepare: mapDrawn
  },
  { name: 'atlas-roots-c5-c6', route: '#/atlas?mode=roots&roots=C5,C6', prepare: mapDrawn },
  { name: 'atlas-muscle-infraspinatus', route: '#/atlas/muscles/infraspinatus', prepare: mapDrawn },
  { name: 'acupoint-li4', route: '#/acupoints/LI4', prepare: mapDrawn },
  { name: 'acupoints-channel', route: '#/acupoints?meridian=LI' },
  { name: 'atlas-zoom-200', route: '#/atlas?mode=roots&roots=C5,C6', prepare: mapDrawn, zoom: 2 },
  {
    name: 'notes-on-a-muscle',
    route: '#/atlas/muscles/upper-trapezius',
    prepare: async (page) => {
      await mapDrawn(page)
      await page.getByRole('button', { name: 'Add a note' }).click()
      await page
        .getByLabel('Note (Markdown)')
        .fill(
          '## Pincer grip\n\nLift the **whole border** between thumb and fingers; the twitch is ' +
            'easier to feel.\n\n- Side-lying works best\n- Ask about headaches at the next visit'
        )
      await page.getByRole('button', { name: 'Save note' }).click()
      await page.getByRole('button', { name: 'Add a note' }).click()
      await page.getByLabel('Note (Markdown)').fill('Responds to C3–C4 paraspinal needling too.')
      await page.getByText('Draft kept').waitFor()
      await page.locator('.notes-panel').scrollIntoViewIfNeeded()
    }
  },
  {
    name: 'notes-all',
    route: '#/notes',
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Add a note' }).click()
      await page.getByLabel('Note (Markdown)').fill('Order more 0.25 × 40 mm needles.')
      await page.getByRole('button', { name: 'Save note' }).click()
      await page.getByRole('article').first().waitFor()
    }
  }
]
