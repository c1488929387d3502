import type { Page } from 'playwright-core'
import { findHostileMarkup } from '../../src/shared/markdown'

/**
 * S9 in a live page: the rendered DOM has no hostile markup, no planted global was set by a
 * payload, and no dialog opened. Payloads in the fixtures set `window.__pwned` if they ever run.
 */
export async function expectPageInert(page: Page): Promise<void> {
  const html = await page.content()
  const hostile = findHostileMarkup(await page.locator('body').innerHTML())
  const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)
  if (hostile.length > 0 || pwned !== undefined) {
    throw new Error(
      `page is not inert: ${JSON.stringify({ hostile, pwned })}\n${html.slice(0, 2000)}`
    )
  }
}

export const trackDialogs = (page: Page): string[] => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  return dialogs
}
