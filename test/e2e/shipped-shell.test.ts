import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANNELS } from '../../src/shared/api'
import { CONTENT_SECURITY_POLICY } from '../../src/main/csp'
import { BRIDGE_EVENTS } from './electron-adapter/bridge-worlds'
import { PAGE_ORIGIN } from './electron-adapter/page-origin'
import { installedElectronBinary } from './electron-binary'
import { launchApp, ROOT } from './harness'
import type { LaunchedApp } from './harness'

/**
 * The shipped preload and shell, end to end (issue 11): the built main process and preload run
 * over the Electron adapter, so what the page can reach, what the IPC handlers accept, and what
 * the navigation, request and protocol guards refuse are the shell's own decisions. The adapter's
 * records say what the shell did, so this file runs only on the adapter.
 */
const onAdapter =
  installedElectronBinary(ROOT) === null || process.env.POINTBOOK_E2E_BROWSER === 'chromium'

type Bridge = Record<string, Record<string, (input: unknown) => Promise<unknown>>>

let app: LaunchedApp

beforeAll(async () => {
  if (onAdapter) app = await launchApp({ route: '#/articles' })
})

afterAll(async () => {
  await app?.close()
})

describe.runIf(onAdapter)('the shipped preload and shell over the Electron adapter', () => {
  it('gives the page only the contract functions, each reaching ipcMain past the sender check', async () => {
    const { page } = app
    await page.locator('main h1').first().waitFor()
    const reach = await page.evaluate(() => {
      const scope = window as unknown as Record<string, unknown>
      const names = ['__pointbookInvoke', 'require', 'ipcRenderer', 'process', 'module', 'electron']
      return {
        leaked: names.filter((name) => name in scope),
        adapterGlobals: Object.keys(scope).filter((name) => name.startsWith('__pointbook')),
        frozen: Object.isFrozen(scope['pointbook']),
        shape: Object.fromEntries(
          Object.entries(scope['pointbook'] as Bridge).map(([domain, verbs]) => [
            domain,
            Object.keys(verbs).sort()
          ])
        )
      }
    })
    expect(reach.leaked).toEqual([])
    expect(reach.adapterGlobals).toEqual([])
    expect(reach.frozen).toBe(true)
    const expected: Record<string, string[]> = {}
    for (const channel of CHANNELS) {
      const [domain, verb] = channel.split(':') as [string, string]
      ;(expected[domain] ??= []).push(verb)
    }
    for (const verbs of Object.values(expected)) verbs.sort()
    expect(reach.shape).toEqual(expected)

    // Every channel answers through the shell's handler: input no schema accepts comes back as
    // invalid_input from dispatch, which the handler reaches only for a trusted sender.
    const codes = await page.evaluate(async (channels) => {
      const bridge = (window as unknown as { pointbook: Bridge }).pointbook
      const answers: Record<string, string> = {}
      for (const channel of channels) {
        const [domain, verb] = channel.split(':') as [string, string]
        const result = (await bridge[domain]![verb]!(-1)) as {
          ok: boolean
          error?: { code: string }
        }
        answers[channel] = result.ok ? 'ok' : (result.error?.code ?? 'no code')
      }
      return answers
    }, CHANNELS)
    expect(Object.entries(codes).filter(([, code]) => code !== 'invalid_input')).toEqual([])
  })

  it('refuses a forged bridge call naming a channel or a path outside the API', async () => {
    const { page } = app
    const replies = await page.evaluate((events) => {
      const forged = [
        ['articles:list'],
        ['pointbook', 'articles:list'],
        ['pointbook', 'articles', 'list', 'call'],
        ['pointbook', 'constructor'],
        ['pointbook', '__proto__', 'toString'],
        ['pointbook']
      ]
      const answers: string[] = []
      document.addEventListener(events.reply, (event) => {
        answers.push(String((event as CustomEvent<unknown>).detail))
      })
      forged.forEach((path, index) => {
        const detail = JSON.stringify({ id: 1000 + index, path, args: '[{}]' })
        document.dispatchEvent(new CustomEvent(events.call, { detail }))
      })
      // A refusal is answered within the dispatch; a call that ran would answer only after a
      // round trip to main, so it would be missing here.
      return answers.map((answer) => JSON.parse(answer) as { id: number; error?: string })
    }, BRIDGE_EVENTS)
    expect(replies).toHaveLength(6)
    for (const reply of replies) expect(reply.error).toMatch(/^Not an exposed function/)
  })

  it('cancels navigation out of the app with the shell\u2019s guard, and opens only allowed links', async () => {
    const { page } = app
    const before = page.url()
    const allowed = 'https://doi.org/10.1136/bmj.d6669'
    const outside = 'https://tracker.example/collect?x=1'
    const popup = 'https://pubmed.ncbi.nlm.nih.gov/1/'
    const cancelled = app.records.cancelledNavigations
    await page.evaluate((url) => (window.location.href = url), outside)
    await expect.poll(() => cancelled.length).toBe(1)
    await page.evaluate((url) => (window.location.href = url), allowed)
    await expect.poll(() => cancelled.length).toBe(2)
    await page.evaluate((url) => void window.open(url), popup)
    await expect.poll(() => cancelled.length).toBe(3)
    expect(cancelled).toEqual([outside, allowed, popup])
    // The shell hands allow-listed links to the system browser; the tracker goes nowhere.
    expect(app.records.openedExternally).toEqual([allowed, popup])
    expect(page.url()).toBe(before)
    await page.locator('main h1').first().waitFor()
  })

  it('serves app:// through the shell\u2019s protocol handler, refusing traversal', async () => {
    const { page } = app
    const answers = await page.evaluate(async () => {
      const paths = [
        '/index.html',
        '/..%2f..%2fpackage.json',
        '/%2e%2e/%2e%2e/package.json',
        '/..%5cpackage.json',
        '/assets/',
        '/main/index.js'
      ]
      return Promise.all(
        paths.map(async (path) => {
          const response = await fetch(path)
          const body = await response.text()
          return {
            path,
            status: response.status,
            csp: response.headers.get('content-security-policy'),
            leaked: body.includes('"devDependencies"') || body.includes('bootstrap')
          }
        })
      )
    })
    expect(answers.map(({ path, status }) => [path, status])).toEqual([
      ['/index.html', 200],
      ['/..%2f..%2fpackage.json', 400],
      // Chromium folds the encoded dot segments before the request leaves the page.
      ['/%2e%2e/%2e%2e/package.json', 404],
      ['/..%5cpackage.json', 400],
      ['/assets/', 404],
      ['/main/index.js', 404]
    ])
    expect(answers.every((answer) => answer.csp === CONTENT_SECURITY_POLICY)).toBe(true)
    expect(answers.filter((answer) => answer.leaked)).toEqual([])
  })

  it('refuses IPC from a window forced to another origin, and its requests out', async () => {
    const { page } = app
    await page.goto('data:text/html,<title>elsewhere</title><p>Not the app.</p>')
    const answer = await page.evaluate(async () => {
      const bridge = (window as unknown as { pointbook?: Bridge }).pointbook
      if (bridge === undefined) return 'no bridge'
      return bridge['articles']!['list']!({})
    })
    // The preload ran here too (as it would in a window that navigated away); the shell refused.
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const fetched = await page.evaluate(() =>
      fetch('http://collector.example/beacon').then(
        () => 'sent',
        () => 'refused'
      )
    )
    expect(fetched).toBe('refused')
    expect(app.externalRequests).toContain('http://collector.example/beacon')
    // Cancelled by the shell's session guard (onBeforeRequest), before any handler was asked.
    expect(app.records.cancelledRequests).toEqual(['http://collector.example/beacon'])
    expect(app.externalRequests.every((url) => !url.startsWith(PAGE_ORIGIN))).toBe(true)
  })
})
