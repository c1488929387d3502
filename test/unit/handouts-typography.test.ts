import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildPrintDocument } from '../../src/main/core/print/document'
import { typography } from '../../src/main/core/print/typography'
import type { PrintDocumentInput } from '../../src/main/core/print/document'
import { printCss } from '../../src/main/core/print/print-css'
import { stripFrontMatter } from '../../src/shared/handouts/plain-text'
import { renderMarkdown } from '../../src/shared/markdown'

/**
 * Issue 10, typography and print: French and Chinese punctuation as each language sets it, the
 * clinic placeholder and practitioner in the sheet's language, and pack pages numbered per handout.
 */
const HANDOUTS = resolve(__dirname, '../../resources/content/handouts')
const toHtml = (md: string): string => renderMarkdown(md).html

const profile = (name: string, phone = '604-555-0142'): PrintDocumentInput['profile'] => ({
  name,
  address: '',
  phone,
  email: '',
  website: '',
  footerLine: '',
  logo: null
})

const render = (
  body: string,
  lang: string,
  options: Partial<Pick<PrintDocumentInput, 'practitioner' | 'pagesPerItem'>> & {
    name?: string
    phone?: string
    items?: number
  } = {}
): string =>
  buildPrintDocument(
    {
      profile: profile(options.name ?? 'Harbourview Physio', options.phone),
      items: Array.from({ length: options.items ?? 1 }, (_v, n) => ({
        id: `h${n}`,
        lang,
        title: `Titre ${n} : essai`,
        body,
        version: 1,
        approval: null
      })),
      paper: 'a4',
      largePrint: false,
      printedAt: new Date('2026-03-14T15:00:00Z'),
      practitioner: options.practitioner,
      pagesPerItem: options.pagesPerItem
    },
    toHtml
  )

/** The body text of a print document, tags dropped and entities left as they are. */
const bodyText = (html: string): string =>
  Array.from(html.matchAll(/<div class="body">([\s\S]*?)<\/div><\/article>/g), (m) =>
    (m[1] ?? '').replace(/<[^>]*>/g, '')
  ).join('\n')

/** The first footer's text, as the page CSS draws it (cssString escapes decoded). */
const footerText = (html: string): string =>
  (/@bottom-left\{content:"([^"]*)"/.exec(html)?.[1] ?? '').replace(
    /\\([0-9a-f]{1,6}) ?/gi,
    (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16))
  )

/** Every place a line could break before French high punctuation or inside guillemets. */
function breakableFrenchSpaces(text: string): string[] {
  const found: string[] = []
  for (const re of [/[ \t\n\u2009]+[:;!?»]/g, /«[ \t\n\u2009]/g]) {
    for (const m of text.matchAll(re))
      found.push(text.slice(Math.max(0, m.index - 15), m.index + 5))
  }
  return found
}

describe('French print typography', () => {
  it('puts a narrow no-break space before ; ! ? » and after «, a no-break space before :', () => {
    expect(typography('<p>Vraiment ? Oui ! Non ; « ceci » : fin</p>', 'fr-CA')).toBe(
      '<p>Vraiment\u202f? Oui\u202f! Non\u202f; «\u202fceci\u202f»\u00a0: fin</p>'
    )
  })

  it('adds the space where the author typed none, and replaces any other space typed', () => {
    expect(typography('<p>Attention! Quoi? «oui» Note: ici</p>', 'fr-CA')).toBe(
      '<p>Attention\u202f! Quoi\u202f? «\u202foui\u202f» Note\u00a0: ici</p>'
    )
    expect(typography('<p>Oui\u00a0! Non\u2009? A\u202f:</p>', 'fr-CA')).toBe(
      '<p>Oui\u202f! Non\u202f? A\u00a0:</p>'
    )
  })

  it('works across tags, leaves times, addresses and character references alone', () => {
    expect(typography('<p><strong>Appelez</strong>: ici</p>', 'fr-CA')).toBe(
      '<p><strong>Appelez</strong>\u00a0: ici</p>'
    )
    expect(typography('<p>À 10:30, voir https://x.ca/?a=1 ou l&#x27;aide!</p>', 'fr-CA')).toBe(
      '<p>À 10:30, voir https://x.ca/?a=1 ou l&#x27;aide\u202f!</p>'
    )
    expect(typography('<p>Bob &amp; Co ; fin</p>', 'fr-CA')).toBe('<p>Bob &amp; Co\u202f; fin</p>')
    // Attributes are never touched.
    expect(typography('<a title="a : b">x</a>', 'fr-CA')).toBe('<a title="a : b">x</a>')
  })

  it('applies to the clinic fields too, so a clinic typing "Tél :" cannot get it wrong', () => {
    const html = render('Appelez {{clinic.name}} au {{clinic.phone}} !', 'fr-CA', {
      name: 'Clinique « Santé »'
    })
    expect(breakableFrenchSpaces(bodyText(html))).toEqual([])
    expect(html).toContain('Clinique «\u202fSanté\u202f»')
    expect(html).toContain('0142</span>\u202f!')
  })

  it('applies to the footer too, drawn by the page CSS from plain text', () => {
    const footer = footerText(render('Texte.', 'fr-CA'))
    expect(footer).toContain('Titre 0\u00a0: essai')
    expect(breakableFrenchSpaces(footer)).toEqual([])
  })

  it('is French only: English and Chinese keep their spaces', () => {
    expect(typography('<p>Really ? Yes : no</p>', 'en')).toBe('<p>Really ? Yes : no</p>')
  })

  const french = readdirSync(HANDOUTS)
    .filter((id) => readdirSync(join(HANDOUTS, id)).includes('fr-CA.md'))
    .sort()
  it.each(french)('%s (fr-CA): no breakable space before : ; ! ? » or after «', (id) => {
    const body = stripFrontMatter(readFileSync(join(HANDOUTS, id, 'fr-CA.md'), 'utf8'))
    // The source has high punctuation, typed with plain spaces or none: print is what fixes it.
    expect(body).toMatch(/[:?!]/)
    for (const name of ['Harbourview Physio', 'Your clinic']) {
      const html = render(body, 'fr-CA', { name, phone: name === 'Your clinic' ? '' : undefined })
      expect(breakableFrenchSpaces(bodyText(html))).toEqual([])
      const title = /<h1>([^<]*)<\/h1>/.exec(html)?.[1] ?? ''
      expect(breakableFrenchSpaces(title)).toEqual([])
    }
  })
})

describe('Chinese print typography', () => {
  it('turns straight double quotes into full-width “ ” in pairs', () => {
    expect(typography('<p>叫做"气"。叫做"<strong>经络</strong>"的通道。</p>', 'zh-Hans')).toBe(
      '<p>叫做\u201c气\u201d。叫做\u201c<strong>经络</strong>\u201d的通道。</p>'
    )
  })

  it('turns , ; : ? ! after a Han character into full-width forms, not in numbers or links', () => {
    expect(typography('<p>请注意:好吗?是的,好 1,000 元 https://x.ca/?a 10:30</p>', 'zh-Hans')).toBe(
      '<p>请注意\uff1a好吗\uff1f是的\uff0c好 1,000 元 https://x.ca/?a 10:30</p>'
    )
  })

  it('leaves no straight double quote in any built-in Chinese sheet', () => {
    for (const id of readdirSync(HANDOUTS)) {
      const file = join(HANDOUTS, id, 'zh-Hans.md')
      const html = render(stripFrontMatter(readFileSync(file, 'utf8')), 'zh-Hans')
      expect(bodyText(html), id).not.toMatch(/"|&quot;/)
    }
  })
})

describe('clinic placeholder and practitioner in the sheet’s language', () => {
  const body = 'Call {{clinic.name}} at {{clinic.phone}}.'
  it.each([
    ['en', 'Your clinic', 'Call the clinic at <span class="blank"></span>'],
    ['fr-CA', 'Votre clinique', 'Call la clinique at <span class="blank"></span>'],
    ['zh-Hans', '您的诊所', 'Call 本诊所 at <span class="blank"></span>']
  ])('%s: header "%s", and the sentence never reads "Your clinic"', (lang, header, sentence) => {
    const html = render(body, lang, { name: 'Your clinic', phone: '' })
    expect(html).toContain(`<p class="clinic-name">${header}</p>`)
    expect(html).toContain(sentence)
    expect(bodyText(html)).not.toContain('Your clinic')
    // The footer, drawn by the page's CSS, says it in the same language.
    expect(footerText(html)).toContain(header)
  })

  it('keeps a clinic’s own name as typed', () => {
    const html = render(body, 'fr-CA', { name: 'Clinique Harbourview' })
    expect(html).toContain('Call Clinique Harbourview at')
  })

  it('prints the chosen practitioner under the header, labelled in the sheet’s language', () => {
    expect(render(body, 'en', { practitioner: 'Dr. A. Chen' })).toContain(
      '<p class="patient practitioner">Practitioner: <strong>Dr. A. Chen</strong></p>'
    )
    expect(render(body, 'zh-Hans', { practitioner: '陈医生' })).toContain('治疗师：<strong>陈医生')
    expect(render(body, 'en')).not.toContain('practitioner')
    expect(render(body, 'en', { practitioner: '<b>x</b>' })).toContain('&lt;b&gt;x&lt;/b&gt;')
  })
})

describe('the clinic footer line', () => {
  const withFooter = (lang: string, defaultLang?: string, isSet?: boolean): string =>
    buildPrintDocument(
      {
        profile: {
          ...profile('Harbourview Physio'),
          footerLine: 'Bring this sheet to your next visit.',
          ...(defaultLang !== undefined ? { defaultLang } : {}),
          ...(isSet !== undefined ? { isSet } : {})
        },
        items: [{ id: 'x', lang, title: 'T', body: 'Text.', version: 1, approval: null }],
        paper: 'a4',
        largePrint: false,
        printedAt: new Date('2026-03-14T15:00:00Z')
      },
      toHtml
    )

  it('prints only on sheets in the clinic’s default language, the language it was typed in', () => {
    expect(withFooter('en', 'en')).toContain('Bring this sheet')
    expect(withFooter('fr-CA', 'en')).not.toContain('Bring this sheet')
    expect(withFooter('zh-Hans', 'en')).not.toContain('Bring this sheet')
    expect(withFooter('fr-CA', 'fr')).toContain('Bring this sheet')
    expect(withFooter('zh-Hant', 'zh-Hans')).not.toContain('Bring this sheet')
    // A caller that does not say which language the line is in gets it on every sheet.
    expect(withFooter('fr-CA')).toContain('Bring this sheet')
  })

  it('treats a profile never saved as unnamed, whatever its name', () => {
    expect(withFooter('fr-CA', 'en', false)).toContain('<p class="clinic-name">Votre clinique</p>')
    expect(withFooter('fr-CA', 'en', true)).toContain(
      '<p class="clinic-name">Harbourview Physio</p>'
    )
  })
})

describe('pack page numbers', () => {
  it('numbers each handout of a pack on its own when its page count is known', () => {
    const html = render('Texte.', 'fr-CA', { items: 3, pagesPerItem: [2, 1, 3] })
    expect(html).toContain('@counter-style pb-h0{system:fixed 1;symbols:"1" "2";}')
    expect(html).toContain('@counter-style pb-h1{system:fixed 3;symbols:"1";}')
    expect(html).toContain('@counter-style pb-h2{system:fixed 4;symbols:"1" "2" "3";}')
    expect(html).toContain('counter(page, pb-h2) " de 3"')
    expect(html).not.toContain('counter(pages)')
  })

  it('numbers across the document for one handout, or when the counts are unusable', () => {
    for (const pagesPerItem of [undefined, [2, 1], [2, 0, 1]]) {
      const html = render('Texte.', 'en', { items: 3, pagesPerItem })
      expect(html).toContain('counter(page) " of " counter(pages)')
      expect(html).not.toContain('@counter-style')
    }
    const css = printCss({ paper: 'a4', largePrint: false, fontFamily: 'x', footers: [] })
    expect(css).not.toContain('@counter-style')
  })
})
