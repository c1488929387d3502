import readability from 'text-readability'
import { handoutPlainText } from './plain-text'

/**
 * Reading level of patient text (docs/checklist.md H1: grade 8 or below, aim for 6).
 * - English: Flesch–Kincaid grade, SMOG grade (McLaughlin 1969: polysyllables per 30 sentences,
 *   the measure health-literacy guides prefer for patient material) and the consensus grade of
 *   `text-readability`; the worst of the three is the reading grade.
 * - French: Kandel & Moles (1958), Flesch's reading ease refitted for French
 *   (207 − 1.015 × words per sentence − 73.6 × syllables per word), turned into a school grade with
 *   Flesch's own ease-to-grade table; syllables are counted with French vowel groups and a silent
 *   final e. English formulas undercount French syllables' weight and overrate its longer words.
 * - Chinese: average sentence length in characters. Syllable-based formulas do not apply
 *   (every character is one syllable) and word-based ones need a word segmenter and a graded
 *   character list that we do not ship; sentence length is the strongest single predictor in the
 *   published Chinese formulas (Yang 1971; Sung et al. 2015), and it is what plain-language guides
 *   for Chinese ask writers to keep short. We aim at 18 characters and warn above 25.
 * Formulas are unreliable on very short texts: under 100 words (English, French) or 200
 * characters (Chinese) the meter reports the numbers but does not warn.
 */
export const GRADE_LIMIT = 8
export const GRADE_AIM = 6
export const ZH_SENTENCE_LIMIT = 25
export const ZH_SENTENCE_AIM = 18
export const MIN_WORDS = 100
export const MIN_ZH_CHARS = 200

export type ReadabilityMeasure = 'flesch-kincaid' | 'kandel-moles' | 'zh-sentence-length' | 'none'

export interface ReadabilityReport {
  readonly lang: string
  readonly measure: ReadabilityMeasure
  /** Words (English, French) or characters (Chinese). */
  readonly words: number
  readonly sentences: number
  /** Estimated school grade (English FK, French Kandel–Moles); null where not defined. */
  readonly grade: number | null
  /** English only: text-readability's consensus grade. */
  readonly consensus: number | null
  /** English only: SMOG grade (null under 3 sentences, where it is not defined). */
  readonly smog: number | null
  /** Reading ease (English Flesch, French Kandel–Moles) or characters per sentence (Chinese). */
  readonly score: number | null
  /** Too little text for the formula to mean much. */
  readonly tooShort: boolean
  /** Above the limit (grade 8, or 25 characters per sentence). */
  readonly warn: boolean
  readonly summary: string
}

const round1 = (n: number): number => Math.round(n * 10) / 10

export function measureReadability(markdown: string, lang: string): ReadabilityReport {
  const text = handoutPlainText(markdown, lang)
  const language = lang.split('-')[0]
  if (language === 'en') return english(text, lang)
  if (language === 'fr') return french(text, lang)
  if (language === 'zh') return chinese(text, lang)
  return {
    lang,
    measure: 'none',
    words: text.split(/\s+/).filter(Boolean).length,
    sentences: 0,
    grade: null,
    consensus: null,
    smog: null,
    score: null,
    tooShort: false,
    warn: false,
    summary: 'No reading-level measure for this language: ask a fluent reader to check it.'
  }
}

function english(text: string, lang: string): ReadabilityReport {
  const words = text === '' ? 0 : readability.lexiconCount(text)
  const sentences = text === '' ? 0 : readability.sentenceCount(text)
  if (words === 0) return empty(lang, 'flesch-kincaid')
  const grade = round1(readability.fleschKincaidGrade(text))
  const consensus = readability.textStandard(text, true)
  const smog = sentences >= 3 ? round1(readability.smogIndex(text)) : null
  const score = readability.fleschReadingEase(text)
  const tooShort = words < MIN_WORDS
  const worst = Math.max(grade, consensus, smog ?? 0)
  const warn = !tooShort && worst > GRADE_LIMIT
  return {
    lang,
    measure: 'flesch-kincaid',
    words,
    sentences,
    grade,
    consensus,
    smog,
    score,
    tooShort,
    warn,
    summary: gradeSummary(
      `Grade ${grade} (Flesch–Kincaid), SMOG ${smog ?? '–'}, consensus ${consensus}`,
      worst,
      tooShort
    )
  }
}

const FR_VOWELS = 'aeiouyàâäéèêëîïôöùûüÿœæ'
const FR_VOWEL_GROUP = new RegExp(`[${FR_VOWELS}]+`, 'g')
const FR_SILENT_E = new RegExp(`[^${FR_VOWELS}](?:e|es)$`)
/** "muscle", "libre": a consonant + l/r cluster before the final e keeps it as a written syllable. */
const FR_CLUSTER_E = new RegExp(`[^${FR_VOWELS}lr][lr]es?$`)

/** French written syllables: vowel groups, less a silent final e or es after a consonant. */
export function frenchSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-zàâäéèêëîïôöùûüÿœæç0-9]/g, '')
  if (w === '') return 0
  if (/^[0-9]+$/.test(w)) return Math.min(w.length + 1, 4)
  let count = (w.match(FR_VOWEL_GROUP) ?? []).length
  if (count > 1 && FR_SILENT_E.test(w) && !FR_CLUSTER_E.test(w)) count -= 1
  return Math.max(1, count)
}

const sentencesOf = (text: string, ends: RegExp): string[] =>
  text
    .split(ends)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s))

/** Kandel & Moles reading ease to a school grade, on Flesch's table, linear between its rows. */
export function easeToGrade(ease: number): number {
  const table: ReadonlyArray<readonly [number, number]> = [
    [100, 4],
    [90, 5],
    [80, 6],
    [70, 7],
    [60, 9],
    [50, 12],
    [30, 16]
  ]
  if (ease >= 100) return 4
  for (let i = 1; i < table.length; i += 1) {
    const [hiEase, hiGrade] = table[i - 1] as readonly [number, number]
    const [loEase, loGrade] = table[i] as readonly [number, number]
    if (ease >= loEase) return hiGrade + ((hiEase - ease) / (hiEase - loEase)) * (loGrade - hiGrade)
  }
  return 16
}

function french(text: string, lang: string): ReadabilityReport {
  const sentences = sentencesOf(text, /[.!?…]+(?=\s|$)|\n/)
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
  if (words.length === 0 || sentences.length === 0) return empty(lang, 'kandel-moles')
  const syllables = words.reduce((sum, w) => sum + frenchSyllables(w), 0)
  const ease = 207 - 1.015 * (words.length / sentences.length) - 73.6 * (syllables / words.length)
  const grade = round1(easeToGrade(ease))
  const tooShort = words.length < MIN_WORDS
  return {
    lang,
    measure: 'kandel-moles',
    words: words.length,
    sentences: sentences.length,
    grade,
    consensus: null,
    smog: null,
    score: round1(ease),
    tooShort,
    warn: !tooShort && grade > GRADE_LIMIT,
    summary: gradeSummary(`Grade ${grade} (Kandel–Moles ease ${round1(ease)})`, grade, tooShort)
  }
}

/** Han characters count one each; a run of Latin letters or digits counts as one. */
export function chineseCharCount(text: string): number {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length
  const runs = (text.replace(/\p{Script=Han}/gu, ' ').match(/[\p{L}\p{N}]+/gu) ?? []).length
  return han + runs
}

function chinese(text: string, lang: string): ReadabilityReport {
  const sentences = sentencesOf(text, /[。！？!?；;…]+|\n/)
  const chars = sentences.reduce((sum, s) => sum + chineseCharCount(s), 0)
  if (chars === 0) return empty(lang, 'zh-sentence-length')
  const asl = round1(chars / sentences.length)
  const tooShort = chars < MIN_ZH_CHARS
  const warn = !tooShort && asl > ZH_SENTENCE_LIMIT
  const verdict = tooShort
    ? 'too short to measure reliably'
    : warn
      ? `above ${ZH_SENTENCE_LIMIT}: shorten sentences`
      : asl <= ZH_SENTENCE_AIM
        ? 'on target'
        : `aim for ${ZH_SENTENCE_AIM} or fewer`
  return {
    lang,
    measure: 'zh-sentence-length',
    words: chars,
    sentences: sentences.length,
    grade: null,
    consensus: null,
    smog: null,
    score: asl,
    tooShort,
    warn,
    summary: `${asl} characters per sentence: ${verdict}.`
  }
}

const gradeSummary = (numbers: string, worst: number, tooShort: boolean): string => {
  if (tooShort) return `${numbers}: too short (under ${MIN_WORDS} words) to measure reliably.`
  if (worst > GRADE_LIMIT)
    return `${numbers}: above grade ${GRADE_LIMIT}, use shorter sentences and words.`
  if (worst > GRADE_AIM) return `${numbers}: fine; grade ${GRADE_AIM} is the aim.`
  return `${numbers}: on target.`
}

const empty = (lang: string, measure: ReadabilityMeasure): ReadabilityReport => ({
  lang,
  measure,
  words: 0,
  sentences: 0,
  grade: null,
  consensus: null,
  smog: null,
  score: null,
  tooShort: true,
  warn: false,
  summary: 'No text to measure yet.'
})
