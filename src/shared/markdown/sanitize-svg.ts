import type { Element, ElementContent, Properties, Root } from 'hast'
import * as stack from './markdown-stack'
import { isSafeAttributeValue, sanitizeCss } from './sanitize-css'
import { svgSchema } from './svg-schema'
import { hasDangerousScheme } from './url-schemes'

/**
 * Sanitizes a rendered diagram (mermaid's SVG) before it is put in the page, stored in the
 * diagram cache, or printed (S9). The SVG is parsed exactly as the page will parse it (an HTML
 * fragment, in which <svg> switches to SVG parsing), so what is checked here is what the browser
 * builds. Only the first top-level <svg> is kept; anything around it is dropped. Returns '' when
 * there is no <svg> at all.
 */
export function sanitizeSvg(svg: string): string {
  const parsed = stack.fromHtml(svg, { fragment: true })
  const root = parsed.children.find(
    (node): node is Element => node.type === 'element' && node.tagName === 'svg'
  )
  if (root === undefined) return ''
  const clean = stack.sanitize({ type: 'root', children: [root] }, svgSchema) as Root
  const svgElement = clean.children.find(
    (node): node is Element => node.type === 'element' && node.tagName === 'svg'
  )
  if (svgElement === undefined) return ''
  enforceValues(svgElement)
  return stack.toHtml(svgElement)
}

/** A fragment reference (`#marker-1`): the only thing <use> and gradients may point at. */
const FRAGMENT_REFERENCE = /^#[\w:.-]+$/
const SAFE_ID = /^[\w:.-]+$/
const HREF_PROPERTIES = new Set(['href', 'xLinkHref'])

/**
 * What the allow-list cannot express, applied to the sanitized tree: hrefs only to fragments,
 * CSS (style attributes and <style> text) through sanitizeCss, no url() to anything outside the
 * SVG, no script-bearing URL scheme in any value, ids from a plain character set.
 */
function enforceValues(element: Element): void {
  element.properties = safeProperties(element.properties)
  element.children = element.children.filter((child) => {
    if (child.type !== 'element') return true
    if (child.tagName !== 'style') {
      enforceValues(child)
      return true
    }
    child.properties = {}
    const css = sanitizeCss(textOf(child.children))
    if (css === null || css.trim() === '') return false
    child.children = [{ type: 'text', value: css }]
    return true
  })
}

function safeProperties(properties: Properties): Properties {
  const result: Properties = {}
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === undefined) continue
    const text = Array.isArray(value) ? value.join(' ') : String(value)
    if (HREF_PROPERTIES.has(key)) {
      if (FRAGMENT_REFERENCE.test(text)) result[key] = value
      continue
    }
    if (key === 'style') {
      const css = sanitizeCss(text)
      if (css !== null) result[key] = css
      continue
    }
    if (key === 'id' && !SAFE_ID.test(text)) continue
    if (hasDangerousScheme(text) || !isSafeAttributeValue(text)) continue
    result[key] = value
  }
  return result
}

function textOf(children: readonly ElementContent[]): string {
  return children.map((child) => (child.type === 'text' ? child.value : '')).join('')
}
