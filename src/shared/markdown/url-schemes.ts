/**
 * URL schemes that run script or smuggle a document (`javascript:`, `vbscript:`, `data:`).
 * Browsers ignore tabs, newlines and other control characters inside a URL, so
 * `java\tscript:` counts too. A scheme only starts a value or follows a character that cannot
 * be part of a scheme name (`url(data:…)`), so words such as "metadata:" in a label do not count.
 */
const DANGEROUS_SCHEME = /(?:^|[^a-z0-9+.-])(javascript|vbscript|livescript|data):/i
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const IGNORED_IN_URLS = /[\s\u0000-\u001f\u007f]+/g

/** The dangerous scheme in a value (`'javascript:'`), or null. */
export function dangerousSchemeIn(value: string): string | null {
  const match = DANGEROUS_SCHEME.exec(value.replace(IGNORED_IN_URLS, ''))
  return match === null ? null : `${(match[1] ?? '').toLowerCase()}:`
}

export const hasDangerousScheme = (value: string): boolean => dangerousSchemeIn(value) !== null
