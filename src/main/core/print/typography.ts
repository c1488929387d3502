/**
 * Typography each handout language needs, applied to print HTML (document.ts) after the fields
 * are filled. Split from document.ts, which builds the document around it.
 */

/**
 * Typography the handout's language requires, applied to the text between tags after the fields
 * are filled (so neither an author nor a clinic field can get it wrong):
 * - French: a narrow no-break space (U+202F) inside « » and before ; ! ?, a no-break space
 *   (U+00A0) before : — put in where a space was typed, where any other space was typed, and where
 *   none was typed after a word ("Attention!"), so a line never starts with the punctuation or
 *   leaves a guillemet alone. A colon with no space before it is left alone (10:30, https:).
 * - Chinese: straight double quotes become full-width “ ” (paired in order), and , ; : ? ! typed
 *   right after a Han character become their full-width forms.
 */
export function typography(html: string, lang: string): string {
  if (lang.startsWith('fr')) return mapText(html, frenchText)
  if (lang.startsWith('zh')) {
    let open = true
    return mapText(html, (text, before) =>
      chineseText(text, before).replace(/"/g, () => {
        const mark = open ? '\u201c' : '\u201d'
        open = !open
        return mark
      })
    )
  }
  return html
}

/**
 * Applies `f` to each run of text between tags and character references (`&amp;`, `&#39;`), which
 * pass through whole; `before` is the last character of the text before the run.
 */
function mapText(html: string, f: (text: string, before: string) => string): string {
  let before = ''
  return html
    .split(/(<[^>]*>|&#?[0-9a-z]+;)/i)
    .map((part) => {
      if (part === '' || part.startsWith('<')) return part
      if (part.startsWith('&') && part.endsWith(';')) {
        before = decodeEntities(part).slice(-1)
        return part
      }
      const out = f(part, before)
      before = out.slice(-1)
      return out
    })
    .join('')
}

const NNBSP = '\u202f'
const NBSP = '\u00a0'
/** Any space a French author or a clinic field may have typed before the punctuation. */
const FR_SPACE = '[ \\t\\u00a0\\u202f\\u2009]'
const FR_BEFORE_TIGHT = new RegExp(`${FR_SPACE}+([;!?»])`, 'g')
const FR_BEFORE_COLON = new RegExp(`${FR_SPACE}+:`, 'g')
const FR_AFTER_OPEN = new RegExp(`«${FR_SPACE}*`, 'g')
/** "Attention!", "mot»": a letter, digit or closing mark with no space before ; ! ? ». */
const FR_UNSPACED = /([\p{L}\p{N}).\u2019'])([;!?»]+)(?=[\s<]|$|[\p{P}])/gu
/** "Note: la suite": a colon right after a word and followed by a space. */
const FR_UNSPACED_COLON = /([\p{L}\p{N})\u2019])(:)(?=\s)/gu

function frenchText(text: string, before: string): string {
  let out = text
    .replace(FR_AFTER_OPEN, `«${NNBSP}`)
    .replace(FR_BEFORE_TIGHT, `${NNBSP}$1`)
    .replace(FR_BEFORE_COLON, `${NBSP}:`)
    .replace(FR_UNSPACED, (_m, ch: string, marks: string) => `${ch}${NNBSP}${marks}`)
    .replace(FR_UNSPACED_COLON, `$1${NBSP}$2`)
  // Punctuation at the start of this run, right after a word in the run before (a tag between).
  if (/[\p{L}\p{N})]/u.test(before)) {
    out = out.replace(/^([;!?»])/, `${NNBSP}$1`).replace(/^:(?=\s)/, `${NBSP}:`)
  }
  return out
}

const ZH_PUNCT: Readonly<Record<string, string>> = {
  ',': '\uff0c',
  ';': '\uff1b',
  ':': '\uff1a',
  '?': '\uff1f',
  '!': '\uff01'
}

function chineseText(text: string, before: string): string {
  const joined = before + text
  const fixed = joined.replace(
    /(\p{Script=Han})([,;:?!])(?![\w/])/gu,
    (_m, han: string, mark: string) => `${han}${ZH_PUNCT[mark] ?? mark}`
  )
  return fixed.slice(before.length)
}

/** The text of HTML character references (the few a sanitized document carries). */
export const decodeEntities = (text: string): string =>
  text
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
