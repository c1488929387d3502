import type { Page } from 'playwright-core'

/** Every main screen, and an element that is there once it is drawn. */
export const SCREENS: { route: string; ready: string }[] = [
  { route: '#/articles', ready: 'h1' },
  { route: '#/articles/course-of-care', ready: 'figure.diagram svg' },
  { route: '#/articles/what-is-ims/edit', ready: 'textarea' },
  { route: '#/articles/what-is-ims/history', ready: '#history-title' },
  { route: '#/search?q=needle', ready: 'mark' },
  { route: '#/articles?view=bin', ready: 'h1' },
  { route: '#/atlas?zones=all', ready: '.body-map svg[data-view="back"] .figure__body' },
  {
    route: '#/atlas?mode=pain&spot=front,115,215',
    ready: '.body-map svg[data-view="back"] .figure__body'
  },
  {
    route: '#/atlas?mode=roots&roots=C5,C6',
    ready: '.body-map svg[data-view="back"] .figure__body'
  },
  { route: '#/atlas/muscles/infraspinatus', ready: 'h1' },
  { route: '#/acupoints?meridian=LI', ready: 'h1' },
  { route: '#/acupoints/LI4', ready: 'h1' },
  { route: '#/notes', ready: 'h1' },
  { route: '#/front-desk', ready: 'h1' },
  { route: '#/handouts', ready: 'h1' },
  { route: '#/handouts/after-ims/en', ready: 'canvas' },
  { route: '#/handouts/after-ims/en/edit', ready: 'textarea' },
  { route: '#/print-log', ready: 'h1' },
  { route: '#/settings', ready: '#profile-logo' },
  { route: '#/settings/clinic-network', ready: '#network-title' },
  { route: '#/welcome', ready: '#setup-name' }
]

/**
 * Opens a screen and waits until it is drawn: the route has changed (hashchange, after which the
 * new screen has rendered), its `ready` element is there and nothing is loading (aria-busy).
 */
export async function openScreen(page: Page, route: string, ready: string): Promise<void> {
  await page.evaluate(
    (hash) =>
      new Promise<void>((resolve) => {
        if (window.location.hash === hash) return resolve()
        window.addEventListener('hashchange', () => resolve(), { once: true })
        window.location.hash = hash
      }),
    route
  )
  await page.locator(ready).first().waitFor()
  await settled(page)
}

/** Nothing on the page says it is loading. */
export const settled = (page: Page) =>
  page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' })
