/**
 * CSS from a rendered diagram (a <style> element or a style attribute), made safe to put in the
 * page. Mermaid's own CSS only sets colours, fonts and strokes scoped to the diagram's id, so the
 * rules can be strict: `@import` rules and url() to anything but a fragment are stripped; CSS
 * that could run script (expression(), javascript:, behaviours, bindings), fetch in other ways
 * (image-set, @font-face) or break out of the <style> element (`<`) is refused as a whole.
 * Returns null when the CSS cannot be made safe; callers drop it.
 */
const REFUSED = [
  /</, // `</style>` would end the element and let markup through (an mXSS classic)
  /\\/, // CSS escapes can spell url( or expression( without those letters
  /expression\s*\(/i,
  /javascript\s*:/i,
  /vbscript\s*:/i,
  /behavior\s*:/i,
  /-moz-binding/i,
  /image-set\s*\(/i,
  /@font-face/i,
  /@namespace/i,
  // eslint-disable-next-line no-control-regex -- control characters never belong in CSS
  /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/
]

/** `url(#id)`, optionally quoted: a reference inside the SVG itself (markers, gradients, clips). */
const URL_FUNCTION = /url\s*\(\s*(['"]?)(.*?)\1\s*\)/gis
const FRAGMENT_REFERENCE = /^#[\w:.-]+$/
/** `@import …;` (or up to the end): stripped, the rest of the sheet is kept. */
const IMPORT_RULE = /@import\b[^;]*(?:;|$)/gi

export function sanitizeCss(css: string): string | null {
  if (REFUSED.some((pattern) => pattern.test(css))) return null
  const cleaned = css
    .replace(IMPORT_RULE, '')
    .replace(URL_FUNCTION, (whole, _quote: string, target: string) =>
      FRAGMENT_REFERENCE.test(target.trim()) ? whole : 'none'
    )
  // Whatever url( is left must be one of the fragment references kept above; an unterminated or
  // otherwise odd one means the CSS is not what it seems.
  const urlCount = (cleaned.match(/url\s*\(/gi) ?? []).length
  const keptCount = (cleaned.match(URL_FUNCTION) ?? []).length
  return urlCount === keptCount ? cleaned : null
}

/**
 * Whether a presentation attribute (fill, marker-end, clip-path…) is safe: any url() in it must
 * be a fragment reference, and nothing refused in CSS may appear.
 */
export function isSafeAttributeValue(value: string): boolean {
  if (REFUSED.some((pattern) => pattern.test(value))) return false
  const urls = value.match(/url\s*\(/gi) ?? []
  const fragments = [...value.matchAll(URL_FUNCTION)].filter(([, , target]) =>
    FRAGMENT_REFERENCE.test((target ?? '').trim())
  )
  return urls.length === fragments.length
}
