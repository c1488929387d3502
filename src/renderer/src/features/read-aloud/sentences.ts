/**
 * Sentences for reading aloud, one utterance each, so the sentence being read can be highlighted.
 * Intl.Segmenter (ICU's sentence rules) does the splitting in every language, Chinese 。！？ included;
 * two things it gets wrong in handouts are mended after it: a break after a title or initial
 * ("Dr. Lee", "M. Tremblay", "J. Smith") and an opening quote or bracket left at the end of the
 * sentence before the one it opens (ICU cannot tell “ from ” in Chinese text).
 */

/** Abbreviations that end with a full stop but not a sentence, by language (lower case, no dot). */
const ABBREVIATIONS: Record<string, readonly string[]> = {
  en: ['dr', 'mr', 'mrs', 'ms', 'st', 'prof', 'e.g', 'i.e', 'vs', 'approx', 'tel'],
  fr: ['m', 'mme', 'mlle', 'dr', 'dre', 'st', 'ste', 'p', 'ex', 'env', 'tél']
}

const OPENERS = '“‘「『（(《〈[«'

export function splitSentences(text: string, lang: string): string[] {
  const language = lang.split('-')[0]?.toLowerCase() ?? ''
  const abbreviations = ABBREVIATIONS[language] ?? []
  const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' })
  const sentences: string[] = []
  let carry = ''
  for (const { segment } of segmenter.segment(text)) {
    let sentence = carry + segment
    carry = ''
    // An opening quote or bracket at the very end belongs to the next sentence.
    const trailing = new RegExp(`[${escapeClass(OPENERS)}]+\\s*$`, 'u').exec(sentence)
    if (trailing !== null && trailing.index > 0) {
      carry = trailing[0].trim()
      sentence = sentence.slice(0, trailing.index)
    }
    const previous = sentences.at(-1)
    if (previous !== undefined && endsWithAbbreviation(previous, abbreviations)) {
      sentences[sentences.length - 1] = `${previous} ${sentence.trim()}`
    } else if (/[\p{L}\p{N}]/u.test(sentence)) {
      sentences.push(sentence.trim())
    } else if (previous !== undefined) {
      // Punctuation alone ("…", "!") is read with the sentence before it.
      sentences[sentences.length - 1] = `${previous}${sentence.trim()}`
    }
  }
  if (carry !== '' && sentences.length > 0) sentences[sentences.length - 1] += carry
  return sentences.filter((sentence) => sentence !== '')
}

function endsWithAbbreviation(sentence: string, abbreviations: readonly string[]): boolean {
  const last = /(?:^|\s)([\p{L}.]+)\.$/u.exec(sentence)
  if (last === null) return false
  const word = last[1] ?? ''
  // A single capital is an initial (J. Smith); a single lower-case letter is not.
  if (/^\p{Lu}$/u.test(word)) return true
  return abbreviations.includes(word.toLowerCase())
}

const escapeClass = (chars: string): string => chars.replace(/[\]\\[^-]/g, '\\$&')
