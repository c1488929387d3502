import type { Element, Nodes } from 'hast'
import * as stack from './markdown-stack'
import { dangerousSchemeIn } from './url-schemes'

/** Elements that must never appear in rendered content, stored SVG or a print document (S9). */
const HOSTILE_ELEMENTS = ['script', 'iframe', 'object', 'embed', 'foreignobject']
const HOSTILE_TAG_TEXT = new RegExp(`<\\s*(${HOSTILE_ELEMENTS.join('|')})\\b`, 'gi')
/** Attributes that navigate or submit: any script-bearing scheme, data: included, is hostile. */
const NAVIGATING_PROPERTIES = new Set(['href', 'xLinkHref', 'action', 'formAction'])
/** Attributes that load a resource: an inline raster image is fine (a print document's logo). */
const LOADING_PROPERTIES = new Set(['src', 'poster'])
const SCRIPT_SCHEMES = new Set(['javascript:', 'vbscript:', 'livescript:'])
const RASTER_DATA_IMAGE = /^\s*data:image\/(?:png|jpeg|gif|webp|avif)[;,]/i

/**
 * Lists what in `html` could run script: hostile elements (`<script`, `<iframe`, `<object`,
 * `<embed`, `<foreignObject`), event handler attributes (`onerror=` …), and script URLs:
 * `javascript:` or `vbscript:` anywhere a URL or CSS goes, `data:` where it would be navigated to
 * or loaded as anything but a raster image. Inline data: fonts and images in CSS are fine (print
 * documents embed their fonts). The markup is parsed the way a browser would parse it, so text
 * that merely mentions "javascript:" or "&lt;script" is not reported. Empty means clean. Used by
 * tests and by checks on stored SVG and print documents.
 */
export function findHostileMarkup(html: string): string[] {
  const findings = new Set<string>()
  for (const match of html.matchAll(HOSTILE_TAG_TEXT)) {
    findings.add(`<${(match[1] ?? '').toLowerCase()}`)
  }
  inspect(stack.fromHtml(html, { fragment: true }), findings)
  return [...findings]
}

function inspect(node: Nodes, findings: Set<string>): void {
  if (node.type === 'element') inspectElement(node, findings)
  if ('children' in node) {
    for (const child of node.children) inspect(child, findings)
  }
}

function inspectElement(element: Element, findings: Set<string>): void {
  const tag = element.tagName.toLowerCase()
  if (HOSTILE_ELEMENTS.includes(tag)) findings.add(`<${tag}`)
  for (const [key, value] of Object.entries(element.properties)) {
    const text = Array.isArray(value) ? value.join(' ') : String(value)
    if (/^on/i.test(key)) findings.add(`${key.toLowerCase()}= (on <${tag}>)`)
    const scheme = hostileSchemeIn(key, text)
    if (scheme !== null) findings.add(`${scheme} (in ${key} on <${tag}>)`)
  }
  if (tag === 'style') {
    const css = element.children.map((child) => ('value' in child ? child.value : '')).join('')
    const scheme = hostileSchemeIn('style', css)
    if (scheme !== null) findings.add(`${scheme} (in <style>)`)
  }
}

function hostileSchemeIn(property: string, value: string): string | null {
  const scheme = dangerousSchemeIn(value)
  if (scheme === null) return null
  if (SCRIPT_SCHEMES.has(scheme)) return scheme
  if (NAVIGATING_PROPERTIES.has(property)) return scheme
  if (LOADING_PROPERTIES.has(property) && !RASTER_DATA_IMAGE.test(value)) return scheme
  return null
}
