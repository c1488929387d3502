import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

/**
 * axe-core in real Chromium (colour contrast and layout rules need a real engine, which jsdom is
 * not). axe is evaluated through the DevTools protocol, which the page's CSP does not apply to.
 */
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8'
)

interface Violation {
  id: string
  impact: string | null
  nodes: { target: unknown }[]
}

/** The serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<{ id: string; targets: unknown[] }[]> {
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: () => Promise<{ violations: Violation[] }> } })
      .axe
    return (await axe.run()).violations
  })
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target) }))
}
