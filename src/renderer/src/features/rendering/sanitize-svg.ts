import DOMPurify from 'dompurify'

// A DOMPurify instance of its own, so the hook below never touches article HTML sanitizing.
const purifier = DOMPurify(window)

purifier.addHook('uponSanitizeAttribute', (_node, data) => {
  // Only references inside the SVG itself (markers, gradients): never a link or external file.
  if (
    (data.attrName === 'href' || data.attrName === 'xlink:href') &&
    !data.attrValue.startsWith('#')
  ) {
    data.keepAttr = false
  }
})

const SVG_CONFIG = {
  USE_PROFILES: { svg: true, svgFilters: true },
  FORBID_TAGS: ['foreignObject', 'script', 'iframe', 'object', 'embed', 'a', 'image'],
  FORBID_ATTR: ['onload', 'onerror', 'onclick', 'onmouseover', 'onfocus']
}

/**
 * Mermaid's SVG (or one read back from the cache) → SVG safe to insert: no scripts, no
 * foreignObject (where HTML labels would live), no event handlers, no links or external images.
 */
export function sanitizeSvgMarkup(svg: string): string {
  return purifier.sanitize(svg, SVG_CONFIG)
}

/** The same, as a fragment ready to append (avoids parsing the cleaned string a second time). */
export function sanitizeSvgFragment(svg: string): DocumentFragment {
  return purifier.sanitize(svg, { ...SVG_CONFIG, RETURN_DOM_FRAGMENT: true })
}
