import { fillFields } from '../../../shared/handouts/fields'
import type { HandoutField } from '../../../shared/handouts/fields'
import { footerLineFor } from '../../../shared/handouts/footer-line'
import type { FooterLines } from '../../../shared/handouts/footer-line'
import { isCjkLang, printStrings } from '../../../shared/handouts/languages'
import type { PaperSize } from '../../../shared/handouts/paper'
import { escapeHtml } from './escape'
import { fontFaceCss } from './fonts'
import type { FontFamily } from './fonts'
import { printCss } from './print-css'
import type { PageFooter } from './print-css'
import { decodeEntities, typography } from './typography'

/**
 * The one print document (docs/architecture.md §4): complete, self-contained HTML that the preview, the PDF and
 * the printer all use. No script, no external reference (fonts and logo are data: URLs), a CSP
 * that forbids anything else, and every piece of clinic or patient text escaped.
 */
export interface PrintProfile {
  readonly name: string
  readonly address: string
  readonly phone: string
  readonly email: string
  readonly website: string
  readonly footerLine: string
  /** The footer line per handout language (shared/handouts/footer-line.ts); old profiles have none. */
  readonly footerLines?: FooterLines
  readonly logo: { readonly mime: string; readonly dataBase64: string } | null
  /**
   * The clinic's default language (Settings): a profile without `footerLines` has one footer
   * line, in that language, printed on sheets in that language only. Left out, it prints on every sheet.
   */
  readonly defaultLang?: string
  /** False until the clinic saves its profile: the sheets then say "Your clinic" in their language. */
  readonly isSet?: boolean
}

export interface PrintableHandout {
  readonly id: string
  readonly lang: string
  readonly title: string
  readonly body: string
  readonly version: number
  readonly approval: { readonly by: string; readonly on: string } | null
}

export interface PrintDocumentInput {
  readonly profile: PrintProfile
  readonly items: readonly PrintableHandout[]
  readonly paper: PaperSize
  readonly largePrint: boolean
  readonly printedAt: Date
  /** Typed at print time; only ever part of this string, never stored. */
  readonly patientName?: string | undefined
  readonly practitioner?: string | undefined
  /**
   * Pages each item takes when printed on its own (same paper and size), from a first rendering
   * pass (PrintService). Given, each handout of a pack is numbered on its own ("Page 1 of 2");
   * left out, pages are numbered across the document, which is right for a single handout.
   */
  readonly pagesPerItem?: readonly number[] | undefined
}

/** The name a profile has until the clinic saves its own (SettingsService.defaults()). */
export const PLACEHOLDER_CLINIC_NAME = 'Your clinic'

/** Markdown → sanitized HTML (the app's one markdown pipeline). */
export type MarkdownToHtml = (markdown: string) => string

export const PRINT_DOCUMENT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"

const FIELD_TOKEN = (n: number): string => `\uE000${n}\uE001`
const TOKEN_RE = /\uE000(\d+)\uE001|%EE%80%80(\d+)%EE%80%81/g

export function formatPrintDate(date: Date, lang: string): string {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date)
  } catch {
    return date.toISOString().slice(0, 10)
  }
}

const familyStack = (lang: string): FontFamily[] =>
  isCjkLang(lang) ? ['Noto Sans SC', 'Noto Sans'] : ['Noto Sans', 'Noto Sans SC']

const cssFamilies = (families: readonly FontFamily[]): string =>
  [...families.map((f) => `'${f}'`), 'sans-serif'].join(',')

/**
 * Fields are swapped for private-use tokens before the markdown runs and filled with escaped text
 * after it is sanitized, so a clinic name can never become markdown or markup.
 */
function bodyHtml(
  markdown: string,
  values: (field: HandoutField) => string,
  toHtml: MarkdownToHtml
): string {
  const used: HandoutField[] = []
  const tokenized = fillFields(markdown, (field) => {
    used.push(field)
    return FIELD_TOKEN(used.length - 1)
  })
  return toHtml(tokenized).replace(TOKEN_RE, (_m, a?: string, b?: string) => {
    const field = used[Number(a ?? b)]
    return field === undefined ? '' : values(field)
  })
}

export function buildPrintDocument(input: PrintDocumentInput, toHtml: MarkdownToHtml): string {
  const { profile } = input
  const firstLang = input.items[0]?.lang ?? 'en'
  const contact = [profile.phone, profile.email, profile.website].filter((v) => v.trim() !== '')
  const addressLines = profile.address
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
  const address = addressLines.join(', ')
  // Each address line and contact item wraps as a whole where it can (no "V6H" / "1G9" split).
  const span = (text: string): string => `<span>${escapeHtml(text)}</span>`
  const blank = '<span class="blank"></span>'

  const footers: PageFooter[] = []
  const sections: string[] = []
  const fontText = {
    regular: [
      address,
      ...contact,
      profile.footerLine,
      ...Object.values(profile.footerLines ?? {}),
      input.practitioner ?? ''
    ].join(' '),
    bold: `${profile.name} ${input.patientName ?? ''}`,
    italic: ''
  }
  // Until the clinic names itself, each sheet says "Your clinic" in its own language, and a
  // sentence reads "Call the clinic at ____", never "Call Your clinic at ____".
  const unnamed =
    profile.isSet === false ||
    profile.name.trim() === '' ||
    profile.name.trim() === PLACEHOLDER_CLINIC_NAME
  const pageCounts = numberingPerItem(input.pagesPerItem, input.items.length)

  input.items.forEach((item, index) => {
    const strings = printStrings(item.lang)
    const clinicName = unnamed ? strings.clinicPlaceholder : profile.name
    const date = formatPrintDate(input.printedAt, item.lang)
    // An empty profile field prints as a line to write on, never as a gap in the sentence
    // ("Call the clinic at ____ if…").
    const orBlank = (value: string, render: (v: string) => string = escapeHtml): string =>
      value.trim() === '' ? blank : render(value)
    const fieldValue = (field: HandoutField): string => {
      switch (field) {
        case 'clinic.name':
          return escapeHtml(unnamed ? strings.clinicInText : profile.name)
        case 'clinic.address':
          return orBlank(address)
        case 'clinic.phone':
          // A phone number is never broken at its hyphens ("604-" / "555-0142").
          return orBlank(profile.phone, (phone) =>
            phone.length <= 25
              ? `<span class="nowrap">${escapeHtml(phone)}</span>`
              : escapeHtml(phone)
          )
        case 'clinic.email':
          return orBlank(profile.email)
        case 'clinic.website':
          return orBlank(profile.website)
        case 'date':
          return escapeHtml(date)
        case 'practitioner':
          return orBlank(input.practitioner ?? '')
        case 'patient.name':
          return orBlank(input.patientName ?? '')
      }
    }
    const html = withUrgentIcon(typography(bodyHtml(item.body, fieldValue, toHtml), item.lang))
    const practitioner = input.practitioner?.trim() ?? ''
    const pageName = `h${index}`
    // Non-breaking spaces keep "Version 3" and the date whole when a long title wraps the line.
    const keep = (text: string): string => text.replace(/ /g, '\u00a0')
    const lines = [
      `${clinicName}${profile.phone ? ` · ${keep(profile.phone)}` : ''}`,
      `${item.title} · ${keep(`${strings.version} ${item.version}`)} · ${keep(`${strings.printed} ${date}`)}`
    ]
    const footerLine = footerLineFor(profile, item.lang)
    const third = [
      item.approval ? strings.approvedBy(item.approval.by, item.approval.on) : '',
      footerLine
    ].filter((v) => v.trim() !== '')
    if (third.length > 0) lines.push(third.join(' · '))
    // The footer is plain text drawn by CSS: the same language rules as the body.
    lines.forEach((line, n) => (lines[n] = typography(line, item.lang)))
    const fontFamily = cssFamilies(familyStack(item.lang))
    const pageLabel = strings.page('\u0000', '\u0000').split('\u0000') as [string, string, string]
    const ownPages = pageCounts?.[index]
    footers.push({
      pageName,
      lines,
      pageLabel,
      fontFamily,
      ...(ownPages !== undefined ? { ownPages } : {})
    })
    const styled = textByStyle(html)
    fontText.regular += ` ${styled.regular} ${lines.join(' ')} ${pageLabel.join(' ')} ${strings.forPatient} ${strings.forPractitioner} 0123456789`
    fontText.bold += ` ${item.title} ${styled.bold} ${clinicName}`
    fontText.italic += ` ${styled.italic}`

    const logo =
      profile.logo === null
        ? ''
        : `<img class="logo" alt="" src="data:${escapeHtml(profile.logo.mime)};base64,${escapeHtml(profile.logo.dataBase64)}">`
    sections.push(
      `<article class="handout ${pageName}" lang="${escapeHtml(item.lang)}" style="font-family:${escapeHtml(fontFamily)}">` +
        `<header class="clinic">${logo}<div>` +
        `<p class="clinic-name">${escapeHtml(clinicName)}</p>` +
        (addressLines.length > 0
          ? `<p class="clinic-contact">${addressLines.map(span).join(', ')}</p>`
          : '') +
        (contact.length > 0
          ? `<p class="clinic-contact">${contact.map(span).join(' · ')}</p>`
          : '') +
        `</div></header>` +
        (input.patientName
          ? `<p class="patient">${escapeHtml(strings.forPatient)}<strong>${escapeHtml(input.patientName)}</strong></p>`
          : '') +
        (practitioner !== ''
          ? `<p class="patient practitioner">${escapeHtml(strings.forPractitioner)}<strong>${escapeHtml(practitioner)}</strong></p>`
          : '') +
        `<h1>${typography(escapeHtml(item.title), item.lang)}</h1>` +
        `<div class="body">${html}</div>` +
        `</article>`
    )
  })

  const families = familyStack(firstLang)
  const fonts = fontFaceCss({
    families: input.items.some((i) => isCjkLang(i.lang)) ? families : ['Noto Sans', 'Noto Sans SC'],
    ...fontText
  })
  const css = printCss({
    paper: input.paper,
    largePrint: input.largePrint,
    fontFamily: cssFamilies(families),
    footers
  })
  const title = input.items.map((i) => i.title).join(' · ')
  return (
    `<!doctype html>\n<html lang="${escapeHtml(firstLang)}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${PRINT_DOCUMENT_CSP}">` +
    `<title>${escapeHtml(title)}</title>` +
    `<style>${fonts.css}\n${css}</style></head>` +
    `<body class="${input.largePrint ? 'large-print' : 'regular-print'} paper-${input.paper}">` +
    sections.join('\n') +
    `</body></html>\n`
  )
}

/**
 * A warning sign drawn in black (not a font glyph, so no font can lack it; SVG content, not a CSS
 * background, so it prints with "background graphics" off), put in front of the heading of every
 * "Get help right away" box (`<blockquote class="urgent">`, remark-urgent.ts), or at the top of
 * the box when it has no heading. A constant: nothing from the handout or the clinic reaches it.
 */
export const URGENT_ICON =
  '<svg class="urgent-icon" viewBox="0 0 24 22" aria-hidden="true" focusable="false">' +
  '<path d="M12 1 23.2 20.6H.8Z" fill="#000" stroke="#000" stroke-width="1.6" stroke-linejoin="round"/>' +
  '<path d="M12 7.2v6.6" stroke="#fff" stroke-width="2.6" stroke-linecap="round"/>' +
  '<circle cx="12" cy="17.2" r="1.55" fill="#fff"/></svg>'

const URGENT_OPEN = /<blockquote class="urgent">(\s*)(<h[2-6]>)?/g

function withUrgentIcon(html: string): string {
  return html.replace(URGENT_OPEN, (_m, space: string, heading?: string) =>
    heading === undefined
      ? `<blockquote class="urgent">${URGENT_ICON}${space}`
      : `<blockquote class="urgent">${space}${heading}${URGENT_ICON}`
  )
}

/** Where each item's pages start and how many it has, when every item's count is known. */
function numberingPerItem(
  pages: readonly number[] | undefined,
  items: number
): Array<{ first: number; count: number }> | null {
  if (pages === undefined || pages.length !== items || items < 2) return null
  if (!pages.every((n) => Number.isInteger(n) && n > 0 && n < 1000)) return null
  let first = 1
  return pages.map((count) => {
    const own = { first, count }
    first += count
    return own
  })
}

/**
 * The body's text split by the face it is set in, so only the font slices in use are embedded.
 * Approximate on purpose (regular gets everything): a character missing from the bold set would
 * only be synthesized, never lost.
 */
function textByStyle(html: string): { regular: string; bold: string; italic: string } {
  const pick = (re: RegExp): string => Array.from(html.matchAll(re), (m) => m[2] ?? '').join(' ')
  const plain = (s: string): string => decodeEntities(s.replace(/<[^>]*>/g, ' '))
  return {
    regular: plain(html),
    bold: plain(pick(/<(h[1-6]|strong|b|th)\b[^>]*>([\s\S]*?)<\/\1>/g)),
    italic: plain(pick(/<(em|i)\b[^>]*>([\s\S]*?)<\/\1>/g))
  }
}
