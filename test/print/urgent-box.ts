import type { Element, Nodes } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import type { BuiltinHandoutLang } from '../../src/shared/handouts/languages'
import { squash } from './poppler'
import { textOf } from './print-fixtures'

/**
 * The "Get help right away" box (docs/handouts.md): which built-in handouts must open with it, its
 * heading in each language, and where it sits in a print document and on page 1 of a PDF.
 */
export const NEEDLE_URGENT_HANDOUTS = [
  'after-ims',
  'after-acupuncture',
  'first-ims-visit',
  'first-acupuncture-visit',
  'before-your-treatment',
  'electroacupuncture'
] as const

/**
 * Aftercare for treatments without needles: their box keeps the fainting and allergy signs of the
 * needle sheets and swaps the needle-specific ones for burns (and, for moxa, smoke and asthma).
 */
export const OTHER_URGENT_HANDOUTS = ['after-cupping', 'after-moxibustion'] as const

/**
 * The consent form is signed in the clinic and a copy goes home: a compact box (the needle sheets'
 * four signs without their explanations, the same clinic line) keeps the form short.
 */
export const CONSENT_URGENT_HANDOUTS = ['consent-form'] as const

export const URGENT_HANDOUTS = [
  ...NEEDLE_URGENT_HANDOUTS,
  ...OTHER_URGENT_HANDOUTS,
  ...CONSENT_URGENT_HANDOUTS
] as const

export const URGENT_HEADING: Readonly<Record<BuiltinHandoutLang, string>> = {
  en: 'Get help right away',
  'fr-CA': "Obtenez de l'aide tout de suite",
  'zh-Hans': '请立即求助'
}

const elements = (node: Element): Element[] =>
  node.children.filter((c): c is Element => c.type === 'element')

function findAll(node: Nodes, test: (el: Element) => boolean, found: Element[] = []): Element[] {
  if (node.type === 'element' && test(node)) found.push(node)
  if ('children' in node) for (const child of node.children) findAll(child as Nodes, test, found)
  return found
}

const classes = (el: Element): string[] =>
  (el.properties['className'] as string[] | undefined) ?? []

export interface HandoutLayout {
  /** The title (h1) of the handout. */
  readonly title: string
  /** Tag and classes of the first block in the handout's body, e.g. `blockquote.urgent`. */
  readonly firstBlock: string
  /** The first block itself. */
  readonly first: Element | undefined
  /** Every urgent box in the handout. */
  readonly urgentBoxes: readonly Element[]
  /** Text of every heading in the body (h2…h6), in document order. */
  readonly headings: readonly string[]
}

/** Each handout (article) of a print document: its title and what its body starts with. */
export function handoutLayouts(html: string): HandoutLayout[] {
  const articles = findAll(fromHtml(html), (el) => classes(el).includes('handout'))
  return articles.map((article) => {
    const kids = elements(article)
    const title = kids.find((el) => el.tagName === 'h1')
    const body = kids.find((el) => classes(el).includes('body'))
    const first = body === undefined ? undefined : elements(body)[0]
    return {
      title: title === undefined ? '' : textOf(title),
      firstBlock: first === undefined ? '(empty)' : [first.tagName, ...classes(first)].join('.'),
      first,
      urgentBoxes:
        body === undefined
          ? []
          : findAll(body, (el) => el.tagName === 'blockquote' && classes(el).includes('urgent')),
      headings:
        body === undefined
          ? []
          : findAll(body, (el) => /^h[2-6]$/.test(el.tagName)).map((el) => textOf(el))
    }
  })
}

/** What the article's header holds before the body: the clinic header, the patient line, the title. */
export function blocksBeforeBody(html: string): string[] {
  const article = findAll(fromHtml(html), (el) => classes(el).includes('handout'))[0]
  if (article === undefined) return []
  const kids = elements(article)
  const bodyAt = kids.findIndex((el) => classes(el).includes('body'))
  return kids.slice(0, bodyAt).map((el) => [el.tagName, ...classes(el)].join('.'))
}

/**
 * Where the box heading is on a page, against the body's other headings: `null` when the page
 * does not show it after the title, else the headings the page prints between the title and the
 * box heading (there should be none).
 */
export function headingsBefore(
  pageText: string,
  layout: Pick<HandoutLayout, 'title' | 'headings'>,
  boxHeading: string
): string[] | null {
  const page = squash(pageText)
  const titleAt = page.indexOf(squash(layout.title))
  if (titleAt === -1) return null
  const rest = page.slice(titleAt + squash(layout.title).length)
  const at = rest.indexOf(squash(boxHeading))
  if (at === -1) return null
  return layout.headings
    .filter((h) => h !== boxHeading)
    .filter((h) => {
      const other = rest.indexOf(squash(h))
      return other !== -1 && other < at
    })
}
