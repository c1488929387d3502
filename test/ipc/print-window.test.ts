import { beforeEach, describe, expect, it, vi } from 'vitest'

/**
 * The hidden print window (P2, P3) with a mocked electron: no Electron binary runs here.
 */
const fake = vi.hoisted(() => {
  type PrintCallback = (success: boolean, failureReason: string) => void
  const windows: FakePrintWindow[] = []
  let protocolHandler: ((request: { url: string }) => Response) | null = null
  const printBehaviour: { answer: [boolean, string]; loadFails: boolean } = {
    answer: [true, ''],
    loadFails: false
  }

  class FakePrintWindow {
    destroyed = false
    readonly options: Record<string, unknown>
    readonly loadURL = vi.fn(async (url: string) => {
      if (printBehaviour.loadFails) throw new Error('ERR_FAILED')
      this.loadedUrl = url
    })
    loadedUrl = ''
    readonly webContents = {
      printToPDF: vi.fn(async () => Buffer.from('%PDF-1.4 fake')),
      print: vi.fn((_options: unknown, callback: PrintCallback) => {
        const [success, reason] = printBehaviour.answer
        setTimeout(() => callback(success, reason), 0)
      }),
      getPrintersAsync: vi.fn(async () => [
        { name: 'hp-front', displayName: 'Front desk HP', isDefault: true }
      ])
    }
    constructor(options: Record<string, unknown>) {
      this.options = options
      windows.push(this)
    }
    isDestroyed(): boolean {
      return this.destroyed
    }
    destroy(): void {
      this.destroyed = true
    }
  }

  const printSession = {
    protocol: {
      handle: vi.fn((_scheme: string, handler: (request: { url: string }) => Response) => {
        protocolHandler = handler
      })
    }
  }
  const module = {
    BrowserWindow: FakePrintWindow,
    app: { getLocale: vi.fn(() => 'fr-CA'), getPath: vi.fn(() => '/home/clinic/Documents') },
    session: { fromPartition: vi.fn(() => printSession) },
    dialog: {
      showSaveDialog: vi.fn(async () => ({
        canceled: false,
        filePath: '/home/clinic/Documents/x.pdf'
      }))
    }
  }
  return { module, windows, printBehaviour, serve: (url: string) => protocolHandler?.({ url }) }
})
vi.mock('electron', () => fake.module)

const {
  electronPlatform,
  electronPdfRenderer,
  electronPrinter,
  openPrintDocumentCount,
  printOptionsFor,
  resetPrintWindowState,
  saveDialogChooser
} = await import('../../src/main/print-window')

const HTML = '<!doctype html><html><body><p>Handout</p></body></html>'
const alive = () => fake.windows.filter((w) => !w.destroyed)

beforeEach(() => {
  fake.windows.length = 0
  fake.printBehaviour.answer = [true, '']
  fake.printBehaviour.loadFails = false
  resetPrintWindowState()
})

describe('the print window', () => {
  it('is hidden, sandboxed, isolated, without preload or JavaScript, in its own session (S1, P2)', async () => {
    await electronPdfRenderer.toPdf(HTML, { paper: 'a4' })
    const prefs = fake.windows[0]?.options['webPreferences'] as Record<string, unknown>
    expect(fake.windows[0]?.options['show']).toBe(false)
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      javascript: false
    })
    expect(prefs['preload']).toBeUndefined()
    expect(fake.module.session.fromPartition).toHaveBeenCalledWith('pointbook-print')
  })

  it('gets its document from the core through a one-time address, gone after the job (P2)', async () => {
    await electronPdfRenderer.toPdf(HTML, { paper: 'letter' })
    const window = fake.windows[0]!
    expect(window.loadedUrl).toMatch(/^app:\/\/pointbook\/__print\/[0-9a-f]{32}\.html$/)
    expect(fake.serve(window.loadedUrl)?.status).toBe(404)
    expect(fake.serve('app://pointbook/index.html')?.status).toBe(404)
    expect(fake.serve('app://pointbook/__print/../index.html')?.status).toBe(404)
  })

  it('serves the document with its CSP while the job runs', async () => {
    let status = 0
    let csp = ''
    let body = ''
    const printer = electronPrinter(() => null)
    const job = printer.print(HTML, { paper: 'a4', copies: 1, deviceName: null })
    // vi.waitFor gives up after 1 s by default; a loaded machine can take longer to get here.
    await vi.waitFor(() => expect(fake.windows[0]?.loadedUrl).not.toBe(''), { timeout: 60_000 })
    const response = fake.serve(fake.windows[0]!.loadedUrl)!
    status = response.status
    csp = response.headers.get('content-security-policy') ?? ''
    body = await response.text()
    await job
    expect(status).toBe(200)
    expect(csp).toContain("default-src 'none'")
    expect(csp).not.toContain('script-src')
    expect(body).toBe(HTML)
  })

  it('makes PDFs with the CSS page size and backgrounds, then closes', async () => {
    const pdf = await electronPdfRenderer.toPdf(HTML, { paper: 'a4' })
    expect(pdf.toString()).toContain('%PDF')
    expect(fake.windows[0]?.webContents.printToPDF).toHaveBeenCalledWith({
      preferCSSPageSize: true,
      printBackground: true,
      pageSize: 'A4'
    })
    expect(alive()).toEqual([])
    expect(openPrintDocumentCount()).toBe(0)
  })

  it('opens the system dialog with copies and paper, silent only for the chosen printer', () => {
    expect(printOptionsFor({ paper: 'letter', copies: 3, deviceName: null })).toMatchObject({
      silent: false,
      copies: 3,
      pageSize: 'Letter',
      printBackground: true
    })
    expect(printOptionsFor({ paper: 'letter', copies: 3, deviceName: null })).not.toHaveProperty(
      'deviceName'
    )
    expect(printOptionsFor({ paper: 'a4', copies: 1, deviceName: 'hp-front' })).toMatchObject({
      silent: true,
      deviceName: 'hp-front',
      pageSize: 'A4'
    })
  })

  it('leaves no ghost window after 20 cancelled dialogs (P3)', async () => {
    fake.printBehaviour.answer = [false, 'cancelled']
    const printer = electronPrinter(() => null)
    for (let n = 0; n < 20; n += 1) {
      expect(await printer.print(HTML, { paper: 'a4', copies: 1, deviceName: null })).toBe(
        'cancelled'
      )
    }
    expect(fake.windows).toHaveLength(20)
    expect(alive()).toEqual([])
    expect(openPrintDocumentCount()).toBe(0)
  })

  it('closes the window when printing fails or the document does not load (P3)', async () => {
    fake.printBehaviour.answer = [false, 'failed']
    const printer = electronPrinter(() => null)
    await expect(printer.print(HTML, { paper: 'a4', copies: 1, deviceName: null })).rejects.toThrow(
      /not printed/
    )
    fake.printBehaviour.loadFails = true
    await expect(electronPdfRenderer.toPdf(HTML, { paper: 'a4' })).rejects.toThrow()
    expect(alive()).toEqual([])
    expect(openPrintDocumentCount()).toBe(0)
  })

  it('lists printers from the main window', async () => {
    const main = new fake.module.BrowserWindow({})
    const printer = electronPrinter(() => main as never)
    expect(await printer.listPrinters()).toEqual([
      { name: 'hp-front', displayName: 'Front desk HP', isDefault: true }
    ])
    expect(await electronPrinter(() => null).listPrinters()).toEqual([])
  })
})

describe('Save as PDF dialog', () => {
  it('suggests a name in Documents and returns the chosen path, or null when cancelled', async () => {
    const choose = saveDialogChooser(() => null)
    expect(await choose('ims-first-visit-fr-CA.pdf')).toBe('/home/clinic/Documents/x.pdf')
    expect(fake.module.dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        defaultPath: '/home/clinic/Documents/ims-first-visit-fr-CA.pdf',
        filters: [{ name: 'PDF', extensions: ['pdf'] }]
      })
    )
    fake.module.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' })
    expect(await choose('x.pdf')).toBeNull()
  })

  it('electronPlatform gives the core all three print ports and the system locale', () => {
    const platform = electronPlatform(() => null)
    expect(platform.locale).toBe('fr-CA')
    expect(Object.keys(platform).sort()).toEqual(['chooseSavePath', 'locale', 'pdf', 'printer'])
    expect(platform.pdf).toBe(electronPdfRenderer)
  })
})
