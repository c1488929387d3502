import { chromium } from 'playwright-core'
import type { Browser } from 'playwright-core'
import type { PaperSize } from '../../src/shared/handouts/paper'
import type { PdfRenderer } from '../../src/main/core/print/pdf-renderer'

/** Debian chromium flags that keep it offline and quiet (docs/toolchain.md); the e2e harness's too. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

/**
 * PdfRenderer on Chromium's `page.pdf()` through playwright-core: the tests' and e2e harness's
 * stand-in for Electron's printToPDF. One browser serves many documents; each document gets a
 * fresh context with JavaScript disabled and every network request refused, like the app's
 * print window. playwright-core is a dev dependency: the app never loads this file.
 */
export class ChromiumPdfRenderer implements PdfRenderer {
  private browser: Browser | null
  private launching: Promise<Browser> | null = null
  private readonly executablePath: string
  private readonly ownsBrowser: boolean

  /** Launches Chromium on first use, or uses a browser the caller already has (and closes). */
  constructor(options: { executablePath?: string; browser?: Browser } = {}) {
    this.executablePath = options.executablePath ?? '/usr/bin/chromium'
    this.browser = options.browser ?? null
    this.ownsBrowser = options.browser === undefined
  }

  private async open(): Promise<Browser> {
    if (this.browser !== null) return this.browser
    this.launching ??= chromium.launch({
      executablePath: this.executablePath,
      args: CHROMIUM_ARGS
    })
    this.browser = await this.launching
    return this.browser
  }

  async toPdf(html: string, _options: { paper: PaperSize }): Promise<Buffer> {
    const browser = await this.open()
    const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' })
    try {
      await context.route('**/*', (route) => route.abort('blockedbyclient'))
      const page = await context.newPage()
      await page.setContent(html, { waitUntil: 'load' })
      // Fonts are data: URLs, decoded before 'load'; wait for them anyway where script can run.
      await page.evaluate('document.fonts.ready.then(() => true)').catch(() => undefined)
      return await page.pdf({ preferCSSPageSize: true, printBackground: true })
    } finally {
      await context.close()
    }
  }

  async close(): Promise<void> {
    if (!this.ownsBrowser) return
    const browser = this.browser ?? (this.launching ? await this.launching.catch(() => null) : null)
    this.browser = null
    this.launching = null
    await browser?.close()
  }
}
