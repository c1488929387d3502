import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchApp, ROOT } from './harness'
import type { LaunchedApp } from './harness'
import { PAGE_ORIGIN as APP_ORIGIN } from './electron-adapter/page-origin'
import { expectPageInert, trackDialogs } from './inert'

/**
 * Issue 11, defence in depth for diagrams: with the hostile mermaid blocks, nothing with an event
 * handler is ever attached to the live page while mermaid draws (it draws in a sandboxed frame),
 * and a directive cannot carry CSS into the drawing (the theme keys are on mermaid's secure
 * list). The CSP stays the second wall; these tests do not rely on it.
 */

/** The hostile mermaid blocks of the S9 corpus, and the directive cases of this issue. */
const HOSTILE_MERMAID = readFileSync(
  join(ROOT, 'test/fixtures/hostile/markdown/mermaid.md'),
  'utf8'
)
const OUTSIDE = 'https://evil.example'
const DIRECTIVE_CASES = [
  // themeCSS pointing outside, a font family that smuggles a declaration, colours, dark mode.
  `%%{init: {"themeCSS": ".node rect { fill: url(${OUTSIDE}/css) } @import url(${OUTSIDE}/i.css);", "fontFamily": "x; background: url(${OUTSIDE}/font)", "darkMode": true, "themeVariables": {"primaryColor": "#ff0000", "fontFamily": "url(${OUTSIDE}/tv)"}}}%%`,
  'flowchart LR',
  '  Hostile --> Directive'
].join('\n')
const FRONTMATTER_CASE = [
  '---',
  'config:',
  `  themeCSS: "svg { background-image: url(${OUTSIDE}/fm) }"`,
  '  htmlLabels: true',
  '  theme: dark',
  '---',
  'flowchart LR',
  '  Front["<img src=x onerror=window.__pwned=6>"] --> Matter'
].join('\n')
const PLAIN_CASE = 'flowchart LR\n  Plain --> Diagram'
const BODY = [HOSTILE_MERMAID, DIRECTIVE_CASES, FRONTMATTER_CASE, PLAIN_CASE]
  .map((block, n) => (n === 0 ? block : ['', '```mermaid', block, '```'].join('\n')))
  .join('\n')
/** Asked for by a script element put into mermaid's drawing frame: fetched only if it can run. */
const PROBE = 'scriptless-probe.js'

/**
 * Runs in the live page before any app script: records every element attached to the document
 * (and every attribute set on one) that carries an on* handler, or names a URL outside the app
 * in a style, href or src.
 */
function watchLivePage({ appOrigin, probe }: { appOrigin: string; probe: string }): void {
  const seen: string[] = []
  const probes: string[] = []
  Object.assign(window, { __attached: seen, __probes: probes })
  // Mermaid's drawing frame: a script element in it is fetched only if scripts can run there.
  const probeFrame = (frame: HTMLIFrameElement): void => {
    const inner = frame.contentDocument
    if (inner === null) return
    const script = inner.createElement('script')
    script.src = `${appOrigin}/${probe}?${frame.id}`
    inner.documentElement.append(script)
    probes.push(frame.id)
  }
  const outside = (text: string): boolean =>
    [...text.matchAll(/url\(\s*['"]?([^'")]*)/gi), ...text.matchAll(/@import\s+['"]([^'"]*)/gi)]
      .map((m) => m[1]!.trim())
      // Resolved as the browser would: the app's own stylesheet (inside index.html) names its
      // fonts by relative URLs, which stay on the app's origin.
      .some(
        (target) =>
          target !== '' &&
          !target.startsWith('#') &&
          !new URL(target, document.baseURI).href.startsWith(appOrigin)
      )
  const check = (element: Element): void => {
    for (const { name, value } of [...element.attributes]) {
      if (/^on/i.test(name)) seen.push(`<${element.localName} ${name}>`)
      if (name === 'style' && outside(value)) seen.push(`<${element.localName} style=${value}>`)
      // A URL with a scheme: only the app's own origin (data: is the page's empty favicon).
      const scheme = /^\s*([a-z][\w+.-]*):/i.exec(value)?.[1]?.toLowerCase()
      if (/^(href|xlink:href|src)$/i.test(name) && scheme !== undefined && scheme !== 'data') {
        if (!value.trim().startsWith(appOrigin))
          seen.push(`<${element.localName} ${name}=${value}>`)
      }
    }
    if (element.localName === 'style' && outside(element.textContent ?? '')) {
      seen.push(`<style>${element.textContent ?? ''}`)
    }
  }
  const visit = (node: Node): void => {
    if (!(node instanceof Element)) return
    if (node instanceof HTMLIFrameElement && node.id.startsWith('ipb-diagram-')) probeFrame(node)
    check(node)
    for (const child of node.querySelectorAll('*')) check(child)
  }
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes' && record.target instanceof Element) check(record.target)
      if (record.type === 'characterData' && record.target.parentElement?.localName === 'style') {
        check(record.target.parentElement)
      }
      record.addedNodes.forEach(visit)
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true })
}

let app: LaunchedApp | undefined

beforeAll(async () => {
  app = await launchApp()
  await app.page.addInitScript(watchLivePage, { appOrigin: APP_ORIGIN, probe: PROBE })
})

afterAll(async () => {
  await app?.close()
})

describe('diagrams: defence in depth (issue 11)', () => {
  it('the hostile mermaid cases attach no handler and no outside URL to the live page', async () => {
    const { page } = app!
    const dialogs = trackDialogs(page)
    const probeRequests: string[] = []
    page.on('request', (request) => {
      if (request.url().includes(PROBE)) probeRequests.push(request.url())
    })
    const article = await page.evaluate(
      (body) =>
        (
          window as unknown as {
            pointbook: {
              articles: { create(d: unknown): Promise<{ ok: boolean; value: { id: string } }> }
            }
          }
        ).pointbook.articles.create({
          title: 'Hostile diagrams',
          body,
          category: 'acupuncture',
          tags: [],
          summary: ''
        }),
      BODY
    )
    expect(article.ok).toBe(true)
    // A fresh document (a hash change alone is no reload), the observer in place before any
    // app script runs.
    await page.goto(`${APP_ORIGIN}/#/articles/${article.value.id}`)
    await page.reload()
    await page.locator('#article-title', { hasText: 'Hostile diagrams' }).waitFor()
    const figures = page.locator('figure.diagram')
    await expect.poll(() => figures.count()).toBeGreaterThan(3)
    await page.locator('figure.diagram[aria-busy]').first().waitFor({ state: 'detached' })
    const { attached, probes } = await page.evaluate(() => {
      const seen = window as unknown as { __attached: string[]; __probes: string[] }
      return { attached: seen.__attached, probes: seen.__probes }
    })
    expect(attached).toEqual([])
    // Every drawing happened in a frame, and none of those frames could run a script.
    expect(probes.length).toBeGreaterThanOrEqual(3)
    expect(probeRequests).toEqual([])

    // The directive and front-matter cases drew, with exactly the plain diagram's style.
    const styleOf = async (label: string): Promise<string> => {
      const svg = page.locator('figure.diagram--ready svg', { hasText: label })
      const [id, css] = await svg.evaluate((element) => [
        element.id,
        element.querySelector('style')?.textContent ?? ''
      ])
      return css.replaceAll(id, 'ID')
    }
    const plain = await styleOf('Plain')
    expect(plain).toContain('#ID .node rect')
    expect(await styleOf('Directive')).toBe(plain)
    expect(await styleOf('Matter')).toBe(plain)
    // No style anywhere in the drawn diagrams names a URL other than the drawing's own parts.
    const styles = await page
      .locator('figure.diagram svg')
      .evaluateAll((svgs) =>
        svgs.flatMap((svg) => [
          ...[...svg.querySelectorAll('style')].map((style) => style.textContent ?? ''),
          ...[...svg.querySelectorAll('[style]')].map((el) => el.getAttribute('style') ?? '')
        ])
      )
    const urls = styles.flatMap((css) => [...css.matchAll(/url\(\s*['"]?([^'")]*)/gi)])
    expect(urls.map((m) => m[1]).filter((target) => !target!.startsWith('#'))).toEqual([])
    expect(styles.join('\n')).not.toMatch(/@import|evil\.example/)
    await expectPageInert(page)
    expect(dialogs).toEqual([])
    expect(app!.externalRequests).toEqual([])
  })
})
