/** Text → HTML text or attribute value: nothing in it can open a tag or end an attribute. */
export const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

/**
 * Text → a CSS string literal for `content:` in page margin boxes. Every character other than a
 * letter, digit or space becomes a six-digit hex escape, so no quote, backslash, `<` or `}` in a
 * clinic's text can end the string or the rule; a line break becomes a real line break (\A).
 */
export const cssString = (text: string): string =>
  `"${Array.from(text)
    .map((ch) =>
      /^[A-Za-z0-9 ]$/.test(ch)
        ? ch
        : `\\${(ch.codePointAt(0) as number).toString(16).padStart(6, '0')} `
    )
    .join('')}"`
