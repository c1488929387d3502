import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../src/main/core'
import { dispatch } from '../../src/main/core/api/dispatch'
import { findHostileMarkup } from '../../src/shared/markdown'
import { ROOT, freshDataDir, launchApp } from './harness'
import type { LaunchedApp } from './harness'

/**
 * S9 for the clinic profile: hostile text in every field is saved where validation allows it,
 * refused where it does not, and stays inert on screen, in the preview and in the print document.
 */
let app: LaunchedApp | null = null
afterEach(async () => {
  await app?.close()
  app = null
})

const HOSTILE = {
  name: `<script>alert(1)</script><img src=x onerror=alert(2)>"'><iframe src=javascript:alert(3)>`,
  address: `</style><script>alert(4)</script>\n<object data="javascript:alert(5)"></object>{{clinic.name}}`,
  phone: `604-555-0142 javascript:alert('6')//"'`,
  email: 'front@harbourview.example',
  website: 'harbourview.example',
  practitioners: [
    '<svg onload=alert(7)><foreignObject>x</foreignObject></svg>',
    '"); } @page { margin: 0 } x { content: "'
  ],
  defaultPaper: 'letter',
  defaultLang: 'en',
  footerLine:
    '</style><style>body{background:url(javascript:alert(8))}</style>\\"; } * { display: none } "',
  printerName: null,
  startScreen: 'home'
} as const

const HOSTILE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40" onload="alert(9)"><script>alert(10)</script>' +
  '<foreignObject><iframe src="javascript:alert(11)"></iframe></foreignObject><rect width="100" height="40" fill="#345"/></svg>'

async function prepare(dataDir: string): Promise<string[]> {
  const library = openLibrary({
    dataDir,
    resourcesDir: join(ROOT, 'resources'),
    warn: () => undefined
  })
  const refused: string[] = []
  try {
    for (const [field, value] of [
      ['email', '"><script>alert(1)</script>@x.ca'],
      ['website', 'javascript:alert(1)'],
      ['phone', '<img src=x onerror=alert(1)>']
    ] as const) {
      const result = await dispatch(library.handlers, 'settings:saveProfile', {
        ...HOSTILE,
        [field]: value
      })
      if (!result.ok) refused.push(field)
    }
    const saved = await dispatch(library.handlers, 'settings:saveProfile', HOSTILE)
    if (!saved.ok) throw new Error(saved.error.message)
    const logo = await dispatch(library.handlers, 'settings:setLogo', {
      fileName: 'logo.svg',
      dataBase64: Buffer.from(HOSTILE_SVG).toString('base64')
    })
    if (!logo.ok) throw new Error(logo.error.message)
  } finally {
    library.close()
  }
  return refused
}

/** Everything in the live DOM that could run: elements, handlers, script URLs. */
const scanDom = () =>
  Array.from(document.querySelectorAll('*')).flatMap((el) => {
    const found: string[] = []
    const tag = el.tagName.toLowerCase()
    if (['iframe', 'object', 'embed', 'foreignobject'].includes(tag)) found.push(`<${tag}>`)
    if (tag === 'script' && (el.textContent ?? '').trim() !== '') found.push('inline <script>')
    if (
      tag === 'script' &&
      !(el.getAttribute('src') ?? '').startsWith('./assets/') &&
      !(el.getAttribute('src') ?? '').startsWith('/assets/')
    ) {
      found.push(`<script src=${el.getAttribute('src') ?? ''}>`)
    }
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) found.push(`${attr.name}= on <${tag}>`)
      if (/^\s*(javascript|vbscript):/i.test(attr.value))
        found.push(`${attr.value} in ${attr.name}`)
    }
    return found
  })

describe('hostile clinic profile (S9)', () => {
  it('refuses script URLs and markup where a field has a format, and prints and previews the rest inert', async () => {
    const dataDir = freshDataDir()
    const refused = await prepare(dataDir)
    expect(refused.sort()).toEqual(['email', 'phone', 'website'])

    app = await launchApp({ dataDir, route: '#/handouts/after-ims/en' })
    const { page } = app
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await page.getByRole('heading', { name: 'After your IMS treatment' }).waitFor()
    // The patient's name is typed at print time, hostile too.
    await page.getByLabel('Patient name (optional)').fill('<script>alert(12)</script>')
    // The preview: pages drawn by pdf.js from the PDF (canvas), nothing of the document in the DOM.
    await page
      .getByRole('img', { name: 'Page 1 of 2' })
      .or(page.getByRole('img', { name: /Page 1 of/ }))
      .first()
      .waitFor()
    // pdf.js draws into the page's canvas after it is on screen: wait for the ink.
    const ink = () =>
      page.evaluate(() => {
        const canvas = document.querySelector('.pdf-page canvas') as HTMLCanvasElement | null
        if (!canvas) return 0
        const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data
        let dark = 0
        if (data) for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128) dark += 1
        return dark
      })
    await expect.poll(ink).toBeGreaterThan(1000)
    expect(await page.evaluate(scanDom)).toEqual([])

    await page.getByRole('button', { name: 'Print', exact: true }).click()
    await page.getByText(/Sent to the printer/).waitFor()
    const html = app.printing.printJobs[0]?.html ?? ''
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&lt;script&gt;alert(12)&lt;/script&gt;')
    const body = html
      .replace(/<style>[\s\S]*?<\/style>/, '<style></style>')
      .replace(/ src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/g, ' src=""')
    expect(findHostileMarkup(body)).toEqual([])
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? ''
    expect(style).not.toMatch(/<\/style|javascript:|@import/i)
    const logo = /src="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)"/.exec(html)?.[1] ?? ''
    expect(findHostileMarkup(Buffer.from(logo, 'base64').toString('utf8'))).toEqual([])

    // Settings shows the same text as text.
    await page.evaluate(() => (window.location.hash = '#/settings'))
    await page.getByRole('heading', { name: 'Settings' }).waitFor()
    expect(await page.getByLabel('Clinic name').inputValue()).toBe(HOSTILE.name)
    expect(await page.evaluate(scanDom)).toEqual([])
    expect(dialogs).toEqual([])
    expect(app.externalRequests).toEqual([])
  })
})

describe('editing a handout', () => {
  it('refuses an unknown field and names it, in the editor and at save time', async () => {
    app = await launchApp({ route: '#/handouts/after-ims/en/edit' })
    const { page } = app
    const text = page.getByLabel('Text')
    await text.waitFor()
    await text.fill('Call {{clinic.name}}.\n\nFax us at {{clinic.fax}}.')
    await page.getByText('Unknown field {{clinic.fax}} on line 3.').first().waitFor()
    await page.getByRole('button', { name: /^Save as version 2/ }).click()
    await page.getByRole('alert').filter({ hasText: '{{clinic.fax}}' }).first().waitFor()
    // The core refuses it too, whatever the page does.
    const answer = await page.evaluate(async () => {
      const api = (
        window as unknown as { pointbook: { handouts: { save(i: unknown): Promise<unknown> } } }
      ).pointbook
      return api.handouts.save({
        id: 'after-ims',
        lang: 'en',
        title: 'After your IMS treatment',
        summary: '',
        body: 'Fax us at {{clinic.fax}}.',
        baseVersion: 1
      })
    })
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(JSON.stringify(answer)).toContain('{{clinic.fax}}')
    const versions = await page.evaluate(async () => {
      const api = (
        window as unknown as {
          pointbook: {
            handouts: { versions(i: unknown): Promise<{ ok: boolean; value: unknown[] }> }
          }
        }
      ).pointbook
      return (await api.handouts.versions({ id: 'after-ims', lang: 'en' })).value.length
    })
    expect(versions).toBe(1)
  })

  it('saves a fix as a new version and shows the readability meter', async () => {
    app = await launchApp({ route: '#/handouts/after-acupuncture/en/edit' })
    const { page } = app
    await page.getByRole('region', { name: 'Reading level' }).waitFor()
    expect(await page.getByRole('region', { name: 'Reading level' }).innerText()).toMatch(
      /Reading grade \d/
    )
    const text = page.getByLabel('Text')
    await text.fill(
      Array.from(
        { length: 12 },
        () =>
          'Intramuscular stimulation necessitates comprehensive neuromuscular examination and individualised therapeutic prescription.'
      ).join(' ')
    )
    await page.getByText(/Above grade 8/).waitFor()
    await text.fill(
      'Rest today. Drink water. Call {{clinic.name}} at {{clinic.phone}} if you feel unwell.'
    )
    await page.getByRole('button', { name: /^Save as version 2/ }).click()
    await page
      .getByText(/version 2/)
      .first()
      .waitFor()
    expect(page.url()).toMatch(/#\/handouts\/after-acupuncture\/en$/)
  })
})
