import { resolve } from 'node:path'
import type { Element, Nodes } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import type { ApiInput } from '../../src/shared/api'

export const ROOT = resolve(__dirname, '../..')
export const RESOURCES = resolve(ROOT, 'resources')

export const CLINIC_NAME = 'Harbourview Physio & IMS'
export const CLINIC_PHONE = '604-555-0142'

export const PROFILE: ApiInput<'settings:saveProfile'> = {
  name: CLINIC_NAME,
  address: '1234 West Broadway, Suite 200\nVancouver, BC V6H 1G9',
  phone: CLINIC_PHONE,
  email: 'front@harbourview.example',
  website: 'harbourview.example',
  practitioners: ['Dr. A. Chen', 'Sam Patel, PT'],
  defaultPaper: 'letter',
  defaultLang: 'en',
  footerLine: 'Bring this sheet to your next visit.',
  printerName: null,
  startScreen: 'front-desk'
}

export const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 48"><rect width="120" height="48" rx="8" fill="#1f4e79"/>' +
  '<circle cx="24" cy="24" r="12" fill="#fff"/><path d="M44 16h60v6H44zM44 28h44v6H44z" fill="#fff"/></svg>'

/** Text of every element the print CSS keeps on one page, from the print document itself. */
export function unsplittableTexts(html: string): Array<{ tag: string; text: string }> {
  const found: Array<{ tag: string; text: string }> = []
  walk(fromHtml(html), (el) => {
    const classes = (el.properties['className'] as string[] | undefined) ?? []
    if (
      ['blockquote', 'table', 'figure', 'li'].includes(el.tagName) ||
      classes.includes('clinic')
    ) {
      found.push({ tag: classes.includes('clinic') ? 'header' : el.tagName, text: textOf(el) })
      return false
    }
    return true
  })
  return found
}

/** Text of every block in the body, to prove nothing is missing from the PDF. */
export function blockTexts(html: string): string[] {
  const found: string[] = []
  walk(fromHtml(html), (el) => {
    if (['p', 'li', 'h1', 'h2', 'h3', 'td', 'th'].includes(el.tagName)) {
      found.push(textOf(el))
      return false
    }
    return true
  })
  return found.filter((t) => t.trim() !== '')
}

function walk(node: Nodes, visit: (el: Element) => boolean): void {
  if (node.type === 'element' && (node.tagName === 'style' || node.tagName === 'head')) return
  if (node.type === 'element' && !visit(node)) return
  if ('children' in node) for (const child of node.children) walk(child as Nodes, visit)
}

export function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value
  if ('children' in node) return node.children.map((c) => textOf(c as Nodes)).join('')
  return ''
}
