import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { URGENT_ICON, buildPrintDocument } from '../../src/main/core/print/document'
import type { PrintDocumentInput } from '../../src/main/core/print/document'
import { printCss } from '../../src/main/core/print/print-css'
import { BUILTIN_HANDOUT_LANGS } from '../../src/shared/handouts/languages'
import { HANDOUT_PACKS } from '../../src/shared/handouts/packs'
import { stripFrontMatter } from '../../src/shared/handouts/plain-text'
import { findHostileMarkup, renderMarkdown } from '../../src/shared/markdown'
import { textOf } from '../print/print-fixtures'
import {
  CONSENT_URGENT_HANDOUTS,
  NEEDLE_URGENT_HANDOUTS,
  OTHER_URGENT_HANDOUTS,
  URGENT_HANDOUTS,
  URGENT_HEADING,
  blocksBeforeBody,
  handoutLayouts
} from '../print/urgent-box'

/**
 * The "Get help right away" box (issue 10): the markdown that makes it, the print document that
 * shows it first, and the built-in handouts that carry it. The PDF side (page 1, large print) is
 * checked in test/print/.
 */
const HANDOUTS = resolve(__dirname, '../../resources/content/handouts')
const source = (id: string, lang: string): string =>
  readFileSync(join(HANDOUTS, id, `${lang}.md`), 'utf8')
const toHtml = (md: string): string => renderMarkdown(md).html

const profile: PrintDocumentInput['profile'] = {
  name: 'Harbourview Physio',
  address: '12 Main St\nVancouver BC',
  phone: '604-555-0142',
  email: '',
  website: '',
  footerLine: '',
  logo: null
}

const documentFor = (
  items: ReadonlyArray<{ id: string; lang: string }>,
  options: { largePrint?: boolean; patientName?: string } = {}
): string =>
  buildPrintDocument(
    {
      profile,
      items: items.map(({ id, lang }, n) => ({
        id,
        lang,
        title: `Title ${n}`,
        body: stripFrontMatter(source(id, lang)),
        version: 1,
        approval: null
      })),
      paper: 'letter',
      largePrint: options.largePrint ?? false,
      printedAt: new Date('2026-03-14T15:00:00Z'),
      patientName: options.patientName
    },
    toHtml
  )

describe('markdown: the urgent box', () => {
  it('makes a block quote opened by [!URGENT] an urgent box and drops the marker', () => {
    const html = toHtml('> [!URGENT]\n> ## Get help\n>\n> - Call 911.\n')
    expect(html).toMatch(/^<blockquote class="urgent">\s*<h2>Get help<\/h2>\s*<ul>/)
    expect(html).not.toContain('[!URGENT]')
    expect(toHtml('> [!urgent]\n> **Now.**')).toMatch(/^<blockquote class="urgent">\s*<p><strong>/)
  })

  it('leaves every other block quote, and the marker anywhere else, as it was', () => {
    expect(toHtml('> A tip.')).toMatch(/^<blockquote>\s*<p>A tip\.<\/p>/)
    expect(toHtml('> [!NOTE]\n> x')).toMatch(/^<blockquote>\s*<p>\[!NOTE\]/)
    expect(toHtml('> Say [!URGENT] here.')).toMatch(/^<blockquote>\s*<p>Say \[!URGENT\] here/)
    expect(toHtml('[!URGENT]\n\nText.')).toMatch(/^<p>\[!URGENT\]<\/p>/)
  })

  it('keeps the sanitizer strict: raw HTML cannot make a box or put a class anywhere else', () => {
    expect(toHtml('<blockquote class="urgent">x</blockquote>')).not.toContain('urgent')
    expect(toHtml('<p class="urgent">x</p>\n\n<div class="urgent">y</div>')).not.toContain('class')
    const hostile = toHtml('> [!URGENT]\n> <img src=x onerror=alert(1)> <script>alert(2)</script>')
    expect(findHostileMarkup(hostile)).toEqual([])
  })
})

describe('print document: the urgent box', () => {
  it('puts the warning icon in front of the box heading, or at the top of a box without one', () => {
    const render = (body: string): string =>
      buildPrintDocument(
        {
          profile,
          items: [{ id: 'x', lang: 'en', title: 'T', body, version: 1, approval: null }],
          paper: 'a4',
          largePrint: false,
          printedAt: new Date('2026-03-14T15:00:00Z')
        },
        toHtml
      )
    expect(render('> [!URGENT]\n> ## Get help right away\n>\n> Call 911.')).toContain(
      `<blockquote class="urgent">\n<h2>${URGENT_ICON}Get help right away</h2>`
    )
    expect(render('> [!URGENT]\n> Call 911.')).toContain(
      `<blockquote class="urgent">${URGENT_ICON}\n<p>Call 911.</p>`
    )
    // Text that only spells the markup is escaped by the markdown step and gets no icon.
    expect(render('`<blockquote class="urgent">` and > [!URGENT]')).not.toContain('<svg')
    expect(render('> A plain call-out.')).not.toContain('<svg')
  })

  it('draws the icon in black as shapes (no text, no font, no background image)', () => {
    expect(URGENT_ICON).toMatch(/^<svg class="urgent-icon" viewBox="[\d .]+" aria-hidden="true"/)
    expect(URGENT_ICON).toContain('fill="#000"')
    expect(URGENT_ICON).not.toMatch(/<text|<image|url\(|href/)
    expect(findHostileMarkup(URGENT_ICON)).toEqual([])
  })

  it('styles the box apart from the other call-outs: square, black, three times thicker', () => {
    for (const largePrint of [false, true]) {
      const css = printCss({ paper: 'letter', largePrint, fontFamily: 'x', footers: [] })
      const callout = /(?:^|\n)blockquote\{([^}]*)\}/.exec(css)?.[1] ?? ''
      const urgent = /(?:^|\n)blockquote\.urgent\{([^}]*)\}/.exec(css)?.[1] ?? ''
      expect(callout).toContain('border:1.5pt solid #1f4e79')
      expect(urgent).toMatch(/border:3pt solid #000;border-left-width:8pt;border-radius:0;/)
      expect(urgent).toContain('background:#fff')
      // Inherited from the call-out rule: the box is never split across pages.
      expect(callout).toContain('break-inside:avoid')
    }
  })
})

describe('built-in handouts open with the urgent box', () => {
  const combos = URGENT_HANDOUTS.flatMap((id) =>
    BUILTIN_HANDOUT_LANGS.map((lang) => ({ id, lang }))
  )

  it.each(combos)(
    '$id ($lang): first block of the body, heading, 911 and the clinic phone',
    ({ id, lang }) => {
      const body = stripFrontMatter(source(id, lang))
      expect(body.startsWith('> [!URGENT]\n')).toBe(true)
      for (const largePrint of [false, true]) {
        const html = documentFor([{ id, lang }], { largePrint, patientName: 'Jane Doe' })
        // After the clinic header, the patient line and the title, the first block is the box.
        expect(blocksBeforeBody(html)).toEqual(['header.clinic', 'p.patient', 'h1'])
        const [layout] = handoutLayouts(html)
        expect(layout?.firstBlock).toBe('blockquote.urgent')
        expect(layout?.urgentBoxes).toHaveLength(1)
        expect(layout?.headings[0]).toBe(URGENT_HEADING[lang])
        const box = textOf(layout!.first!)
        expect(box).toContain('911')
        expect(box).toContain('604-555-0142')
      }
    }
  )

  const boxOf = (id: string, lang: string): string => {
    const body = stripFrontMatter(source(id, lang))
    return body.slice(0, body.indexOf('\n\n', body.indexOf('{{clinic.phone}}')))
  }
  const itemsOf = (box: string): string[] => box.split('\n').filter((l) => l.startsWith('> - '))

  it.each(BUILTIN_HANDOUT_LANGS)('the box says the same in every %s needle handout', (lang) => {
    const boxes = NEEDLE_URGENT_HANDOUTS.map((id) => boxOf(id, lang))
    expect(new Set(boxes).size).toBe(1)
    // Four signs for 911 as list items (infection is the line after), each ending with a full stop.
    const items = itemsOf(boxes[0] ?? '')
    expect(items).toHaveLength(4)
    for (const item of items) expect(item).toMatch(/[.。]$/)
  })

  it.each(BUILTIN_HANDOUT_LANGS)(
    'cupping and moxibustion (%s): four signs, fainting and allergy as on the needle sheets, burns',
    (lang) => {
      const needle = itemsOf(boxOf('after-acupuncture', lang))
      const burn = { en: /burn/, 'fr-CA': /brûlure/, 'zh-Hans': /烧伤/ }[lang]
      for (const id of OTHER_URGENT_HANDOUTS) {
        const items = itemsOf(boxOf(id, lang))
        expect(items, id).toHaveLength(4)
        for (const item of items) expect(item).toMatch(/[.。]$/)
        expect(items, id).toContain(needle[2])
        expect(items, id).toContain(needle[3])
        expect(items[3], id).toMatch(burn)
        // Infection is the line after the list: call the clinic today.
        expect(boxOf(id, lang).split('\n').at(-1)).toContain('{{clinic.phone}}')
      }
    }
  )

  it.each(BUILTIN_HANDOUT_LANGS)(
    "consent form (%s): the needle sheets' four signs, shortened, and the same clinic line",
    (lang) => {
      const needle = boxOf('after-acupuncture', lang)
      const needleItems = itemsOf(needle)
      for (const id of CONSENT_URGENT_HANDOUTS) {
        const box = boxOf(id, lang)
        const items = itemsOf(box)
        expect(items, id).toHaveLength(4)
        // Each sign is the needle sheet's, cut after its first sentence or clause.
        items.forEach((item, n) => {
          expect(item, `${id} ${item}`).toMatch(/[.。]$/)
          expect(needleItems[n]?.startsWith(item.slice(0, -1)), `${id} ${item}`).toBe(true)
        })
        expect(box.split('\n').at(-1)).toBe(needle.split('\n').at(-1))
        // Compact: shorter than the needle sheets' box.
        expect(box.length, id).toBeLessThan(needle.length * 0.9)
      }
    }
  )

  it.each(HANDOUT_PACKS.flatMap((p) => BUILTIN_HANDOUT_LANGS.map((lang) => ({ pack: p, lang }))))(
    'pack $pack.id ($lang) starts with the urgent box',
    ({ pack, lang }) => {
      expect(URGENT_HANDOUTS as readonly string[]).toContain(pack.handoutIds[0])
      const html = documentFor(pack.handoutIds.map((id) => ({ id, lang })))
      const layouts = handoutLayouts(html)
      expect(layouts).toHaveLength(pack.handoutIds.length)
      expect(layouts[0]?.firstBlock).toBe('blockquote.urgent')
      expect(layouts[0]?.headings[0]).toBe(URGENT_HEADING[lang])
    }
  )
})

describe('built-in handouts: what the clinical review asked for', () => {
  const text = (id: string, lang: string): string => stripFrontMatter(source(id, lang))

  it('no longer treats new weakness or numbness as something to call about after a day', () => {
    for (const id of ['after-ims', 'after-acupuncture']) {
      expect(text(id, 'en')).not.toMatch(/weakness that lasts more than a day/)
      expect(text(id, 'fr-CA')).not.toMatch(/faiblesse qui dure plus d'une journée/)
      expect(text(id, 'zh-Hans')).not.toContain('麻木、刺痛或无力超过一天')
    }
  })

  it('calls aspirin and clopidogrel antiplatelets, never anticoagulants, in French and Chinese', () => {
    for (const id of [...URGENT_HANDOUTS, 'acupuncture-vs-ims']) {
      for (const line of text(id, 'fr-CA').split('\n')) {
        if (/aspirine|clopidogrel/i.test(line))
          expect(line, `${id}: ${line}`).toMatch(/antiplaquettaire/i)
      }
      for (const line of text(id, 'zh-Hans').split('\n')) {
        if (/阿司匹林|氯吡格雷/.test(line)) expect(line, `${id}: ${line}`).toContain('抗血小板')
      }
    }
    expect(text('before-your-treatment', 'fr-CA')).not.toMatch(/\(anticoagulant\)\. Par exemple/)
  })

  it('asks about both kinds of blood thinner, with examples, on the first-visit sheets', () => {
    const expected: Record<string, readonly RegExp[]> = {
      en: [/warfarin/, /apixaban/, /aspirin every day/, /clopidogrel/],
      'fr-CA': [/anticoagulant[^\n]*warfarine/, /antiplaquettaire[^\n]*aspirine[^\n]*clopidogrel/],
      'zh-Hans': [/抗凝血药[^\n]*华法林/, /抗血小板药[^\n]*阿司匹林[^\n]*氯吡格雷/]
    }
    for (const id of ['first-ims-visit', 'first-acupuncture-visit']) {
      for (const lang of BUILTIN_HANDOUT_LANGS) {
        const questions = text(id, lang).split(/\n## /)[2] ?? ''
        for (const pattern of expected[lang] ?? [])
          expect(questions, `${id} ${lang}`).toMatch(pattern)
      }
    }
  })

  it('translates "faint" as fainting in French, not as feeling weak', () => {
    for (const id of [...URGENT_HANDOUTS, 'acupuncture-vs-ims']) {
      expect(text(id, 'fr-CA')).not.toMatch(/vous sentez faible|vous vous sentez faible/)
    }
    expect(text('after-acupuncture', 'fr-CA')).toContain('sur le point de vous évanouir')
  })

  it('explains the twitch response, tight bands and single-use needles in the comparison sheet', () => {
    const expected: Record<string, readonly string[]> = {
      en: ['twitch response', 'tight band', 'single-use'],
      'fr-CA': ['réponse contractile', 'bandes tendues', 'usage unique'],
      'zh-Hans': ['抽搐反应', '紧绷的肌束', '一次性']
    }
    for (const lang of BUILTIN_HANDOUT_LANGS) {
      for (const words of expected[lang] ?? [])
        expect(text('acupuncture-vs-ims', lang)).toContain(words)
    }
  })
})
