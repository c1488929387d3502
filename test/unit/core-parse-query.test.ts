import { describe, expect, it } from 'vitest'
import { MAX_QUERY_TERMS, parseSearchQuery } from '../../src/shared/search/parse-query'

describe('parseSearchQuery', () => {
  it('quotes every word and makes words prefix matches', () => {
    expect(parseSearchQuery('twitch resp')).toEqual({
      match: '"twitch"* AND "resp"*',
      loose: '"twitch"* OR "resp"*',
      wordMatches: ['"twitch"*', '"resp"*'],
      terms: ['twitch', 'resp']
    })
  })

  it('gives null (no hits) for text without words', () => {
    for (const text of ['', '   ', '"', '***', '()', '-:-', '\u0301']) {
      expect(parseSearchQuery(text)).toBeNull()
    }
  })

  it('turns FTS5 syntax into plain words', () => {
    expect(parseSearchQuery('NEAR(neck OR shoulder) -pain "x')?.match).toBe(
      '"near"* AND "neck"* AND "or"* AND "shoulder"* AND "pain"* AND "x"*'
    )
    expect(parseSearchQuery('title:neck ^start col:*')?.match).toBe(
      '"title"* AND "neck"* AND "start"* AND "col"*'
    )
  })

  it('in a large library, matches a word of one character whole, never as a prefix', () => {
    const large = { wholeOneLetter: true }
    expect(parseSearchQuery('t', large)?.match).toBe('"t"')
    // Typed last after other words, it is on its way to a longer word: left out until then.
    expect(parseSearchQuery('neck p', large)?.match).toBe('"neck"*')
    expect(parseSearchQuery('a neck', large)?.match).toBe('"a" AND "neck"*')
    expect(parseSearchQuery('tr', large)?.match).toBe('"tr"*')
    expect(parseSearchQuery('li 4', large)?.match).toBe('("li4"* OR "li 4"*)')
    expect(parseSearchQuery('疼', large)?.match).toBe('"疼"')
    // A small library keeps every prefix (cheap there).
    expect(parseSearchQuery('t')?.match).toBe('"t"*')
    expect(parseSearchQuery('neck p')?.match).toBe('"neck"* AND "p"*')
  })

  it('only ever emits quoted words, stars, AND, OR and parentheses', () => {
    const hostile = [
      '"',
      '*',
      'NEAR(',
      'OR',
      'AND NOT',
      '-',
      ':',
      '((a)',
      'a)) OR ((',
      '"a"b"',
      "l'épaule"
    ]
    for (const text of hostile) {
      const parsed = parseSearchQuery(text)
      if (parsed === null) continue
      const withoutQuoted = parsed.match.replace(/"(?:[^"]|"")*"/g, '')
      expect(withoutQuoted).toMatch(/^(?:[\s*()]|OR|AND)*$/)
    }
  })

  it('matches point codes joined, spaced or hyphenated', () => {
    const expected = '("li4"* OR "li 4"*)'
    expect(parseSearchQuery('LI4')?.match).toBe(expected)
    expect(parseSearchQuery('li 4')?.match).toBe(expected)
    expect(parseSearchQuery('LI-4')?.match).toBe(expected)
    expect(parseSearchQuery('li 4')?.terms).toEqual(['li4'])
  })

  it('makes a code a prefix match only while it is the last word', () => {
    expect(parseSearchQuery('bl 40 back')?.match).toBe('("bl40" OR "bl 40") AND "back"*')
    expect(parseSearchQuery('back bl 4')?.match).toBe('"back"* AND ("bl4"* OR "bl 4"*)')
    expect(parseSearchQuery('c7 t1')?.match).toBe('("c7" OR "c 7") AND ("t1"* OR "t 1"*)')
  })

  it('keeps letters of every script and accents', () => {
    expect(parseSearchQuery('Hégu 合谷')?.terms).toEqual(['hégu', '合谷'])
  })

  it('matches a Chinese word as a phrase of its characters, cut into words by Intl.Segmenter', () => {
    expect(parseSearchQuery('疼痛')?.match).toBe('"疼 痛"')
    expect(parseSearchQuery('肩膀疼痛')?.match).toBe('"肩 膀" AND "疼 痛"')
    expect(parseSearchQuery('IMS治疗')?.match).toBe('"ims"* AND "治 疗"')
    expect(parseSearchQuery('肩膀疼痛')?.terms).toEqual(['肩膀', '疼痛'])
  })

  it('joins a code group to the next word with AND, which FTS5 accepts', () => {
    expect(parseSearchQuery('st36 li4')?.match).toBe('("st36" OR "st 36") AND ("li4"* OR "li 4"*)')
    expect(parseSearchQuery('C5-C6')?.loose).toBe('("c5" OR "c 5") OR ("c6"* OR "c 6"*)')
  })

  it('caps the number of words', () => {
    const parsed = parseSearchQuery(
      Array.from({ length: 40 }, (_, i) => `word${'x'.repeat(i % 3)}a`).join(' ')
    )
    expect(parsed?.terms.length).toBe(MAX_QUERY_TERMS)
  })
})
