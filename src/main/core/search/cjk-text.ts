/**
 * FTS5's unicode61 tokenizer keeps a run of Chinese characters as one token, so "疼痛" inside
 * "肩膀疼痛" could never be found. The index therefore stores every Han or kana character as its
 * own token, set apart by zero-width spaces (a separator to unicode61, invisible on screen), and
 * the query parser (shared/search/parse-query.ts) matches a CJK word as a phrase of characters:
 * any word, wherever it stands in a run, is found, and only its characters are highlighted.
 */
const CJK_CHAR_G = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu
const ZERO_WIDTH_SPACE = '\u200B'
const ZERO_WIDTH_SPACES = /\u200B/g

/** Text as it is written to the index: a zero-width space each side of every CJK character. */
export const spaceCjk = (text: string): string =>
  text.replace(CJK_CHAR_G, `${ZERO_WIDTH_SPACE}$&${ZERO_WIDTH_SPACE}`)

/** Text as it was written: what titles and snippets show (most text holds no CJK: no copy). */
export const unspaceCjk = (text: string): string =>
  text.includes(ZERO_WIDTH_SPACE) ? text.replace(ZERO_WIDTH_SPACES, '') : text
