import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  GRADE_LIMIT,
  MIN_WORDS,
  ZH_SENTENCE_LIMIT,
  chineseCharCount,
  easeToGrade,
  frenchSyllables,
  measureReadability
} from '../../src/shared/handouts/readability'
import { handoutPlainText } from '../../src/shared/handouts/plain-text'
import { BUILTIN_HANDOUT_LANGS } from '../../src/shared/handouts/languages'

const HANDOUTS = resolve(__dirname, '../../resources/content/handouts')
const builtins = readdirSync(HANDOUTS).flatMap((id) =>
  BUILTIN_HANDOUT_LANGS.map((lang) => ({
    id,
    lang,
    text: readFileSync(join(HANDOUTS, id, `${lang}.md`), 'utf8')
  }))
)

describe('plain text for readability', () => {
  it('makes headings and list items sentences and drops markup and front matter', () => {
    const text = handoutPlainText(
      '---\nid: x\n---\n## What helps\n\n- Put **heat** on it\n- Walk.\n\n> Call [us](https://x.ca) at {{clinic.phone}}:\n\n```mermaid\nflowchart LR\nA-->B\n```\n'
    )
    expect(text).toBe('What helps.\nPut heat on it.\nWalk.\nCall us at clinic.')
  })
})

describe('plain text of boxes', () => {
  it('drops a box marker such as [!URGENT]: it is markup, not a sentence', () => {
    const text = handoutPlainText('> [!URGENT]\n> ## Get help right away\n> Call 911.')
    expect(text).toBe('Get help right away.\nCall 911.')
  })
})

describe('measures', () => {
  it('SMOG: 3 polysyllables in 3 sentences is grade 8.5; undefined under 3 sentences', () => {
    // 1.043 * sqrt(30 * 3 / 3) + 3.1291 = 8.84 (text-readability rounds the same way).
    const report = measureReadability(
      'We saw the physician. She gave medication. It was beneficial.',
      'en'
    )
    expect(report.smog).toBeCloseTo(8.8, 1)
    expect(measureReadability('One short line.', 'en').smog).toBeNull()
    expect(measureReadability('Une phrase. Deux. Trois.', 'fr-CA').smog).toBeNull()
  })

  it('French syllables: vowel groups less a silent final e', () => {
    expect(frenchSyllables('douleur')).toBe(2)
    expect(frenchSyllables('aiguille')).toBe(2)
    expect(frenchSyllables('traitement')).toBe(3)
    expect(frenchSyllables('le')).toBe(1)
    expect(frenchSyllables('muscles')).toBe(2)
  })

  it('Kandel–Moles ease maps onto Flesch grades', () => {
    expect(easeToGrade(90)).toBe(5)
    expect(easeToGrade(70)).toBe(7)
    expect(easeToGrade(65)).toBe(8)
    expect(easeToGrade(20)).toBe(16)
  })

  it('Chinese counts Han characters one each and a Latin run as one', () => {
    expect(chineseCharCount('请致电 Harbourview 604。')).toBe(5)
  })

  it('warns on hard English above grade 8, and not on short text', () => {
    const hard = Array.from(
      { length: 12 },
      () =>
        'Intramuscular stimulation necessitates comprehensive neuromuscular examination, differential diagnostic consideration and individualised therapeutic prescription.'
    ).join(' ')
    const report = measureReadability(hard, 'en')
    expect(report.warn).toBe(true)
    expect(report.grade).toBeGreaterThan(GRADE_LIMIT)
    expect(measureReadability('Short text.', 'en').tooShort).toBe(true)
    expect(measureReadability('Short text.', 'en').warn).toBe(false)
  })

  it('says when a language has no measure', () => {
    expect(measureReadability('Hola. Esto es una prueba.', 'es').measure).toBe('none')
  })
})

/** H1: every built-in handout, every language, at reading grade 8 or below. */
describe('built-in handouts read at grade 8 or below', () => {
  it('has all ten handouts in all three languages', () => {
    expect(new Set(builtins.map((b) => b.id)).size).toBe(10)
  })

  it.each(builtins.map((b) => [b.id, b.lang, b.text] as const))('%s (%s)', (_id, lang, text) => {
    const report = measureReadability(text, lang)
    expect(report.tooShort).toBe(false)
    if (lang === 'en') {
      expect(report.words).toBeGreaterThanOrEqual(MIN_WORDS)
      expect(report.grade).not.toBeNull()
      expect(report.grade as number).toBeLessThanOrEqual(GRADE_LIMIT)
      expect(report.consensus as number).toBeLessThanOrEqual(GRADE_LIMIT)
      expect(report.smog).not.toBeNull()
      expect(report.smog as number).toBeLessThanOrEqual(GRADE_LIMIT)
    } else if (lang === 'fr-CA') {
      expect(report.measure).toBe('kandel-moles')
      expect(report.grade as number).toBeLessThanOrEqual(GRADE_LIMIT)
    } else {
      expect(report.measure).toBe('zh-sentence-length')
      expect(report.score as number).toBeLessThanOrEqual(ZH_SENTENCE_LIMIT)
    }
    expect(report.warn).toBe(false)
  })
})
