import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadBuiltinHandouts } from '../../src/main/core/handouts/builtin-handouts'
import { buildPrintDocument } from '../../src/main/core/print/document'
import { printCss } from '../../src/main/core/print/print-css'
import { BUILTIN_HANDOUT_LANGS } from '../../src/shared/handouts/languages'
import type { BuiltinHandoutLang } from '../../src/shared/handouts/languages'
import { stripFrontMatter } from '../../src/shared/handouts/plain-text'
import { renderMarkdown } from '../../src/shared/markdown'

/**
 * Issue 10, day-one handouts: the consent form, electroacupuncture, and the optional cupping and
 * moxibustion aftercare sheets, in every shipped language. (Reading grade: handouts-readability;
 * the urgent box: handouts-urgent; every page in PDF: test/print.)
 */
const RESOURCES = resolve(__dirname, '../../resources')
const text = (id: string, lang: string): string =>
  stripFrontMatter(readFileSync(join(RESOURCES, 'content', 'handouts', id, `${lang}.md`), 'utf8'))
const section = (body: string, heading: RegExp): string => {
  const parts = body.split(/\n(?=## )/)
  return parts.find((p) => heading.test(p.split('\n')[0] ?? '')) ?? ''
}

const printed = (id: string, lang: string, extra: { practitioner?: string } = {}): string =>
  buildPrintDocument(
    {
      profile: {
        name: 'Harbourview Physio',
        address: '',
        phone: '604-555-0142',
        email: '',
        website: '',
        footerLine: '',
        logo: null
      },
      items: [{ id, lang, title: id, body: text(id, lang), version: 1, approval: null }],
      paper: 'letter',
      largePrint: false,
      printedAt: new Date('2026-03-14T15:00:00Z'),
      practitioner: extra.practitioner
    },
    (md) => renderMarkdown(md).html
  )

const CONSENT: Record<BuiltinHandoutLang, { questions: RegExp; who: string[]; risks: RegExp[] }> = {
  en: {
    questions: /^## The questions we asked/,
    who: ['Patient', 'Practitioner'],
    risks: [/pneumothorax/, /Fainting/, /Infection/, /bends or breaks/, /bruise/]
  },
  'fr-CA': {
    questions: /^## Les questions que nous vous avons posées/,
    who: ['Patient ou patiente', 'Praticien ou praticienne'],
    risks: [/pneumothorax/, /évanouissement/, /infection/, /plie ou se brise/, /bleu/]
  },
  'zh-Hans': {
    questions: /^## 我们问过您的问题/,
    who: ['患者', '治疗师'],
    risks: [/气胸/, /晕倒/, /感染/, /弯曲或断掉/, /瘀青/]
  }
}

/** The rows of the signature table in the print document: each row's cells, as text. */
const signatureRows = (html: string): string[][] => {
  const table = /<table>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? ''
  return Array.from(table.matchAll(/<tr>([\s\S]*?)<\/tr>/g), (row) =>
    Array.from((row[1] ?? '').matchAll(/<t[dh]>([\s\S]*?)<\/t[dh]>/g), (c) => c[1] ?? '')
  )
}

describe('consent form', () => {
  it.each(BUILTIN_HANDOUT_LANGS)('%s: risks and the nine screening questions', (lang) => {
    const body = text('consent-form', lang)
    const spec = CONSENT[lang]
    for (const risk of spec.risks) expect(body).toMatch(risk)
    // The same nine screening questions in every language.
    const questions = section(body, spec.questions)
    expect(questions.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(9)
  })

  it.each(BUILTIN_HANDOUT_LANGS)(
    '%s: a signature and date box for patient and practitioner, never filled in by the app',
    (lang) => {
      const spec = CONSENT[lang]
      const rows = signatureRows(printed('consent-form', lang))
      // A header row and four people: patient, someone signing for them, practitioner, interpreter.
      expect(rows).toHaveLength(5)
      expect(rows.every((r) => r.length === 4)).toBe(true)
      const patient = rows.find((r) => r[0] === spec.who[0])
      const practitioner = rows.find((r) => r[0] === spec.who[1])
      for (const row of [patient, practitioner]) {
        expect(row).toBeDefined()
        // Signature and date cells stay empty: boxes to write in (print-css: td:empty).
        expect(row?.slice(2)).toEqual(['', ''])
      }
      // With no names given, the name cells hold only the blank field, hidden inside a table.
      expect(patient?.[1]).toBe('<span class="blank"></span>')
      const named = signatureRows(printed('consent-form', lang, { practitioner: 'Dr. A. Chen' }))
      expect(named.find((r) => r[0] === spec.who[1])?.[1]).toBe('Dr. A. Chen')
    }
  )

  it('draws empty cells as tall boxes to sign in, taller in large print', () => {
    const css = (largePrint: boolean): string =>
      printCss({ paper: 'letter', largePrint, fontFamily: 'x', footers: [] })
    expect(css(false)).toContain('td:empty{height:13mm;}')
    expect(css(true)).toContain('td:empty{height:16mm;}')
    expect(css(false)).toContain('td .blank{display:none;}')
  })
})

const ELECTRO: Record<BuiltinHandoutLang, RegExp[]> = {
  en: [
    /pacemaker, defibrillator/i,
    /across the chest/,
    /Pregnancy/,
    /Epilepsy/,
    /We will not use current/
  ],
  'fr-CA': [
    /Stimulateur cardiaque \(pacemaker\), défibrillateur/,
    /à travers la poitrine/,
    /Grossesse/,
    /Épilepsie/,
    /Nous n'utiliserons pas de courant/
  ],
  'zh-Hans': [/心脏起搏器、除颤器/, /横穿胸部/, /怀孕/, /癫痫/, /我们不会使用电流/]
}

describe('electroacupuncture', () => {
  it.each(BUILTIN_HANDOUT_LANGS)(
    '%s: devices, no current across the chest, pregnancy, epilepsy',
    (lang) => {
      const body = text('electroacupuncture', lang)
      for (const point of ELECTRO[lang]) expect(body).toMatch(point)
    }
  )
})

describe('screening sheet: electroacupuncture points', () => {
  const expected: Record<BuiltinHandoutLang, RegExp[]> = {
    en: [/never pass current across the chest/, /electric current on the belly or low back/],
    'fr-CA': [/jamais passer de courant à travers la poitrine/, /courant électrique sur le ventre/],
    'zh-Hans': [/绝不会让电流横穿胸部/, /不会在腹部或下背部使用电流/]
  }
  it.each(BUILTIN_HANDOUT_LANGS)(
    '%s: no current across the chest, none on the belly in pregnancy',
    (lang) => {
      const body = text('before-your-treatment', lang)
      for (const point of expected[lang]) expect(body).toMatch(point)
    }
  )
})

describe('optional handouts', () => {
  it('marks cupping and moxibustion optional in every language, and nothing else', () => {
    const { items, problems } = loadBuiltinHandouts(RESOURCES)
    expect(problems).toEqual([])
    const optional = items.filter((i) => i.content.optional === true).map((i) => i.id)
    expect(optional.sort()).toEqual(
      ['after-cupping', 'after-moxibustion'].flatMap((id) =>
        BUILTIN_HANDOUT_LANGS.map((lang) => `${id}/${lang}`)
      )
    )
  })

  it('ships every new handout in every language, translations marked for clinic review', () => {
    const { items } = loadBuiltinHandouts(RESOURCES)
    for (const id of ['consent-form', 'electroacupuncture', 'after-cupping', 'after-moxibustion']) {
      for (const lang of BUILTIN_HANDOUT_LANGS) {
        const item = items.find((i) => i.id === `${id}/${lang}`)
        expect(item?.content.reviewStatus, `${id}/${lang}`).toBe(
          lang === 'en' ? 'approved' : 'needs-review'
        )
        expect(item?.content.references.length).toBeGreaterThan(2)
      }
    }
  })
})
