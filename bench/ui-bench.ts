import type { Page } from 'playwright-core'
import { launchApp } from '../test/e2e/harness'
import { summarize } from './stats'
import type { Summary } from './stats'

/** The search box waits this long after the last keystroke before it asks (search-box.tsx). */
const SEARCH_DEBOUNCE_MS = 120

export interface UiBench {
  firstScreenMs: number
  searchToResultsMs: Summary
  longTasksWhileTyping: number[]
  longTasksOpeningDiagramArticle: { first: number[]; cached: number[] }
}

async function longTasksDuring(page: Page, action: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __longObserver?: PerformanceObserver }
    // One observer per measurement: a leftover one would count every task twice.
    w.__longObserver?.disconnect()
    w.__long = []
    w.__longObserver = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__long.push(Math.round(entry.duration))
    })
    w.__longObserver.observe({ type: 'longtask' })
  })
  await action()
  await page.waitForTimeout(300)
  return page.evaluate(() => (window as unknown as { __long: number[] }).__long)
}

/**
 * F2 (end to end in the UI) and F3 (no long task on the UI thread) on a library at `dataDir`:
 * time from the search request (keystroke + debounce) to highlighted results in the page.
 */
export async function benchUi(dataDir: string, queries: readonly string[]): Promise<UiBench> {
  const started = Date.now()
  const app = await launchApp({ dataDir, route: '#/articles' })
  try {
    const { page } = app
    // tsx compiles with keepNames, which wraps functions passed to evaluate() in __name().
    await page.evaluate('window.__name = (f) => f')
    await page.locator('main h1').first().waitFor()
    const firstScreenMs = Date.now() - started
    const box = page.getByRole('combobox', { name: /search/i }).first()
    const samples: number[] = []
    for (let round = 0; round < 3; round++) {
      for (const q of queries) {
        await box.fill('')
        await page.waitForTimeout(150)
        const elapsed = await page.evaluate(
          async ({ q }) => {
            const input = document.querySelector<HTMLInputElement>('[role="combobox"]')!
            const setter = Object.getOwnPropertyDescriptor(
              HTMLInputElement.prototype,
              'value'
            )!.set!
            const start = performance.now()
            setter.call(input, q)
            input.dispatchEvent(new Event('input', { bubbles: true }))
            await new Promise<void>((resolve) => {
              const done = (): boolean =>
                document.querySelector('[role="listbox"] [role="option"]') !== null
              if (done()) return resolve()
              const observer = new MutationObserver(() => {
                if (done()) {
                  observer.disconnect()
                  resolve()
                }
              })
              observer.observe(document.body, { childList: true, subtree: true })
            })
            return performance.now() - start
          },
          { q }
        )
        samples.push(elapsed - SEARCH_DEBOUNCE_MS)
      }
    }
    const longTasksWhileTyping = await longTasksDuring(page, async () => {
      await box.fill('')
      await box.pressSequentially('shoulder referral', { delay: 60 })
      await page.waitForTimeout(400)
    })
    const openDiagramArticle = async (): Promise<void> => {
      await page.evaluate(() => (window.location.hash = '#/articles'))
      await page.locator('main h1').first().waitFor()
      await page.evaluate(() => (window.location.hash = '#/articles/course-of-care'))
      await page.locator('figure.diagram svg').first().waitFor({ timeout: 30_000 })
    }
    const first = await longTasksDuring(page, openDiagramArticle)
    const cached = await longTasksDuring(page, openDiagramArticle)
    return {
      firstScreenMs,
      searchToResultsMs: summarize(samples),
      longTasksWhileTyping,
      longTasksOpeningDiagramArticle: { first, cached }
    }
  } finally {
    await app.close()
  }
}
