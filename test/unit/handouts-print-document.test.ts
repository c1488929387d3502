import { describe, expect, it } from 'vitest'
import { buildPrintDocument, PRINT_DOCUMENT_CSP } from '../../src/main/core/print/document'
import type { PrintDocumentInput } from '../../src/main/core/print/document'
import { cssString, escapeHtml } from '../../src/main/core/print/escape'
import { fontFaceCss, parseUnicodeRange } from '../../src/main/core/print/fonts'
import { countPdfPages } from '../../src/main/core/print/pdf-renderer'
import { findHostileMarkup, renderMarkdown } from '../../src/shared/markdown'

const toHtml = (md: string) => renderMarkdown(md).html

const base: PrintDocumentInput = {
  profile: {
    name: 'Harbourview Physio',
    address: '12 Main St\nVancouver BC',
    phone: '604-555-0142',
    email: 'front@harbourview.example',
    website: 'harbourview.example',
    footerLine: 'Open Monday to Friday',
    logo: null
  },
  items: [
    {
      id: 'after-ims',
      lang: 'en',
      title: 'After your IMS treatment',
      body: 'Hello {{patient.name}}. Call {{clinic.name}} at {{clinic.phone}}.\n\n> **Box** text.\n\nSeen by {{practitioner}} on {{date}}. {{unknown.field}}',
      version: 4,
      approval: { by: 'Dr. A. Chen', on: '2026-03-01' }
    }
  ],
  paper: 'letter',
  largePrint: false,
  printedAt: new Date('2026-03-14T15:00:00Z')
}

/** The print document without its two kinds of allowed data: URL (fonts in <style>, the logo). */
const withoutEmbeds = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '<style></style>')
    .replace(/ src="data:image\/(?:png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+"/g, ' src=""')

describe('print document', () => {
  it('prints an empty clinic field as a line to write on, not a gap in the sentence', () => {
    const html = buildPrintDocument({ ...base, profile: { ...base.profile, phone: '' } }, toHtml)
    expect(html).toContain('Call Harbourview Physio at <span class="blank"></span>.')
    const filled = buildPrintDocument(base, toHtml)
    expect(filled).toContain('Call Harbourview Physio at <span class="nowrap">604-555-0142</span>.')
  })

  it('is self-contained: a strict CSP, no script, fonts embedded, @page size and margin boxes', () => {
    const html = buildPrintDocument(base, toHtml)
    expect(html).toContain(`content="${PRINT_DOCUMENT_CSP}"`)
    expect(PRINT_DOCUMENT_CSP).toContain("default-src 'none'")
    expect(html).not.toMatch(/<script|https?:\/\//i)
    expect(html).toContain('@page{size:Letter;')
    expect(html).toMatch(
      /@font-face\{font-family:'Noto Sans';font-style:normal;font-weight:400;src:url\(data:font\/woff2;base64,/
    )
    expect(html).toContain('counter(page)')
    expect(html).toContain('counter(pages)')
    expect(html).toContain('<article class="handout h0" lang="en"')
    expect(buildPrintDocument({ ...base, paper: 'a4' }, toHtml)).toContain('@page{size:A4;')
  })

  it('fills fields with escaped text, leaves a blank line for names not given, keeps unknown ones visible', () => {
    const html = buildPrintDocument(base, toHtml)
    expect(html).toContain('Call Harbourview Physio at <span class="nowrap">604-555-0142</span>.')
    expect(html).toContain('Hello <span class="blank"></span>.')
    expect(html).toContain('March 14, 2026')
    expect(html).toContain('{{unknown.field}}')
    const named = buildPrintDocument(
      { ...base, patientName: 'Jane <b>Doe</b>', practitioner: 'Sam' },
      toHtml
    )
    expect(named).toContain('Hello Jane &lt;b&gt;Doe&lt;/b&gt;.')
    expect(named).toContain('Seen by Sam on')
  })

  it('prints the version, print date, approval and footer line in the page footer', () => {
    const html = buildPrintDocument(base, toHtml)
    const footer = /@bottom-left\{content:("[^"]*")/.exec(html)?.[1] ?? ''
    const decoded = footer
      .slice(1, -1)
      .replace(/\\([0-9a-f]{6}) /g, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    expect(decoded).toContain('Harbourview Physio · 604-555-0142')
    expect(decoded).toContain('Version\u00a04')
    expect(decoded).toContain('Printed\u00a0March\u00a014,\u00a02026')
    expect(decoded).toContain('Approved by Dr. A. Chen on 2026-03-01 · Open Monday to Friday')
  })

  it('uses Noto Sans SC, CJK line breaking and Chinese page labels for zh-Hans only', () => {
    const zh = buildPrintDocument(
      {
        ...base,
        items: [{ ...base.items[0]!, lang: 'zh-Hans', title: '治疗之后', body: '请多喝水。' }]
      },
      toHtml
    )
    expect(zh).toContain("font-family:'Noto Sans SC'")
    expect(zh).toContain('lang="zh-Hans"')
    expect(zh).toContain('line-break:strict;word-break:normal')
    expect(zh).toContain(cssString('第 ').slice(1, -1))
    const en = buildPrintDocument(base, toHtml)
    expect(en).not.toContain("font-family:'Noto Sans SC'")
  })

  it('large print sets the body at 16 pt', () => {
    expect(buildPrintDocument({ ...base, largePrint: true }, toHtml)).toContain('font-size:16pt')
    expect(buildPrintDocument(base, toHtml)).toContain('font-size:12pt')
  })

  it('keeps hostile clinic text inert in the HTML and in the CSS of the margin boxes (S9)', () => {
    const evil = `</style><script>alert(1)</script><img src=x onerror=alert(2)>"; } @page { x: "`
    const html = buildPrintDocument(
      {
        ...base,
        profile: {
          name: evil,
          address: `<iframe src="javascript:alert(3)"></iframe>`,
          phone: `<object data=x>`,
          email: `"><svg onload=alert(4)>`,
          website: 'javascript:alert(5)',
          footerLine: `\\"; } body { background: url(javascript:alert(6)) } "`,
          logo: {
            mime: 'image/svg+xml',
            dataBase64: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64')
          }
        },
        patientName: '<script>alert(7)</script>'
      },
      toHtml
    )
    expect(findHostileMarkup(withoutEmbeds(html))).toEqual([])
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? ''
    expect(style).not.toMatch(/<\/style|<script|javascript:|url\((?!data:font)/i)
    expect(html.match(/<script/gi)).toBeNull()
  })
})

describe('print helpers', () => {
  it('escapes HTML and CSS strings', () => {
    expect(escapeHtml(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;')
    expect(cssString('a "b" \\ }')).toBe('"a \\000022 b\\000022  \\00005c  \\00007d "')
    expect(cssString('line\nbreak')).toBe('"line\\00000a break"')
  })

  it('parses unicode ranges and embeds only the slices a text needs', () => {
    expect(parseUnicodeRange('U+0000-00FF,U+0131,U+4??')).toEqual([
      [0, 255],
      [0x131, 0x131],
      [0x400, 0x4ff]
    ])
    const latin = fontFaceCss({
      families: ['Noto Sans', 'Noto Sans SC'],
      regular: 'Hello',
      bold: '',
      italic: ''
    })
    expect(latin.files.every((f) => f.includes('noto-sans-latin-400-normal'))).toBe(true)
    const chinese = fontFaceCss({
      families: ['Noto Sans SC', 'Noto Sans'],
      regular: '请多喝水',
      bold: '标题',
      italic: ''
    })
    expect(chinese.files.some((f) => f.includes('noto-sans-sc-'))).toBe(true)
    expect(chinese.files.some((f) => f.includes('-700-'))).toBe(true)
    expect(chinese.bytes).toBeLessThan(1_000_000)
  })

  it('counts PDF pages', () => {
    expect(
      countPdfPages(Buffer.from('<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page >>'))
    ).toBe(2)
  })
})
