import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchApp } from './harness'
import type { LaunchedApp } from './harness'
import { expectPageInert, trackDialogs } from './inert'

const HOSTILE_BODY = [
  '# Hostile article',
  '',
  'Plain text survives.',
  '',
  '<script>window.__pwned = "script"</script>',
  '<img src="x" onerror="window.__pwned = \'img\'">',
  '[click me](javascript:window.__pwned=1)',
  '<iframe src="https://example.com"></iframe>',
  '<object data="x.swf"></object>',
  '<svg><foreignObject><div onmouseover="window.__pwned=2">x</div></foreignObject></svg>',
  '',
  '```mermaid',
  '%%{init: {"securityLevel": "loose", "flowchart": {"htmlLabels": true}}}%%',
  'flowchart TD',
  '  A["<img src=x onerror=window.__pwned=3>"] --> B["<script>window.__pwned=4</script>"]',
  '  click A "javascript:window.__pwned=5"',
  '  click B callback',
  '```'
].join('\n')

let app: LaunchedApp | undefined

afterEach(async () => {
  if (app) {
    // S10: nothing ever left the app during the test.
    expect(app.externalRequests).toEqual([])
    await app.close()
    app = undefined
  }
})

const search = async (page: Page, text: string): Promise<void> => {
  const box = page.getByRole('combobox', { name: /search/i }).first()
  await box.click()
  await box.fill('')
  await box.pressSequentially(text, { delay: 20 })
}

describe('knowledge base, end to end through the UI', () => {
  it('typing "twitch" shows the IMS article with a highlighted snippet', async () => {
    app = await launchApp()
    const { page } = app
    await page.waitForSelector('main')
    await search(page, 'twitch')
    const hit = page.getByRole('option', { name: /What is IMS/ }).first()
    await hit.waitFor()
    // Typing searches as it goes: the marks are those of the whole word once its results are in.
    await expect.poll(() => hit.locator('mark').first().textContent()).toMatch(/twitch/i)
    await hit.click()
    await page.getByRole('heading', { level: 1, name: /What is IMS/ }).waitFor()
  })

  it('the course-of-care article shows its flowchart as SVG', async () => {
    app = await launchApp({ route: '#/articles/course-of-care' })
    const svg = app.page.locator('figure.diagram svg').first()
    await svg.waitFor()
    // The flowchart's own labels are drawn as SVG text (htmlLabels off), not HTML.
    const labels = await svg.locator('text').allTextContents()
    expect(labels.join(' ')).toMatch(/reassess/i)
    await expect(app.page.locator('figure.diagram foreignObject').count()).resolves.toBe(0)
  })

  it('a built-in diagram comes drawn: opening its article on a fresh library loads no mermaid (F3)', async () => {
    app = await launchApp({ route: '#/articles' })
    const scripts: string[] = []
    app.page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
    })
    await app.page.locator('main h1').first().waitFor()
    for (const id of ['course-of-care', 'screening-contraindications']) {
      await app.page.evaluate(() => (window.location.hash = '#/articles'))
      await app.page.locator('figure.diagram').waitFor({ state: 'detached' })
      await app.page.evaluate((hash) => (window.location.hash = hash), `#/articles/${id}`)
      await app.page.locator('figure.diagram.diagram--ready svg').first().waitFor()
      await expect(app.page.locator('figure.diagram svg text').count()).resolves.toBeGreaterThan(10)
    }
    expect(scripts.some((path) => /pipeline/.test(path))).toBe(true)
    expect(scripts.filter((path) => /mermaid|flowDiagram/i.test(path))).toEqual([])
  })

  it('an edited article survives reopening the library, and an older revision can be restored', async () => {
    app = await launchApp({ route: '#/articles/glossary' })
    const { dataDir } = app
    let page = app.page
    await page.getByRole('heading', { level: 1, name: /Glossary/ }).waitFor()
    await page.getByRole('link', { name: 'Edit' }).click()
    const title = page.getByLabel('Title')
    await title.fill('Glossary of needling terms (clinic edition)')
    const body = page.getByLabel(/Text \(Markdown\)/)
    await body.fill(
      'Our clinic keeps its own glossary now.\n\n## Terms\n\nTaut band: a firm strip.'
    )
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('heading', { level: 1, name: /clinic edition/ }).waitFor()
    await app.close()

    app = await launchApp({ dataDir, route: '#/articles/glossary' })
    page = app.page
    await page.getByRole('heading', { level: 1, name: /clinic edition/ }).waitFor()
    await page.getByText('Our clinic keeps its own glossary now.').waitFor()

    await page.getByRole('link', { name: 'History' }).click()
    await page.getByRole('link', { name: /Version 1/ }).click()
    await page.getByRole('button', { name: /Restore this version/ }).click()
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: 'Restore this version' })
      .click()
    await page.locator('#article-title', { hasText: /^Glossary of needling terms$/ }).waitFor()
    await page.getByText('Taut band', { exact: false }).first().waitFor()
    await expect(page.getByText('Our clinic keeps its own glossary now.').count()).resolves.toBe(0)
  })

  it('an article with hostile markdown and a hostile mermaid block renders inert (S9)', async () => {
    app = await launchApp({ route: '#/articles/new' })
    const { page } = app
    const dialogs = trackDialogs(page)
    await page.getByLabel('Title').fill('Hostile article')
    await page.getByLabel(/Text \(Markdown\)/).fill(HOSTILE_BODY)
    await page.getByRole('button', { name: 'Save' }).click()
    await page.locator('#article-title', { hasText: 'Hostile article' }).waitFor()
    await page.getByText('Plain text survives.').waitFor()
    // The diagram either draws (sanitized) or shows its error message; wait for one of them.
    await page.locator('figure.diagram svg, .diagram-error').first().waitFor()
    // Click what is left of the javascript: link (if anything) and hover the diagram.
    const link = page.locator('main a', { hasText: 'click me' })
    if ((await link.count()) > 0) await link.click()
    await page.locator('figure.diagram').first().hover()
    await expectPageInert(page)
    expect(dialogs).toEqual([])
  })

  it('the page enforces its CSP: an injected inline script is blocked (S4)', async () => {
    app = await launchApp()
    const { page } = app
    await page.waitForSelector('main')
    const outcome = await page.evaluate(
      () =>
        new Promise<{ violated: string; ran: boolean }>((resolve) => {
          const ran = () => (window as unknown as { __csp?: boolean }).__csp === true
          document.addEventListener('securitypolicyviolation', (event) =>
            resolve({ violated: event.violatedDirective, ran: ran() })
          )
          const script = document.createElement('script')
          script.textContent = 'window.__csp = true'
          // An inline script that may run runs as it is added; a blocked one fires the event.
          document.body.append(script)
          if (ran()) resolve({ violated: '', ran: true })
        })
    )
    expect(outcome).toEqual({ violated: expect.stringMatching(/^script-src/), ran: false })
  })
})
