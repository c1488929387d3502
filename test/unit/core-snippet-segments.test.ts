import { describe, expect, it } from 'vitest'
import {
  HIGHLIGHT_CLOSE as C,
  HIGHLIGHT_OPEN as O,
  stripHighlightSentinels,
  toSnippetSegments
} from '../../src/main/core/search/snippet-segments'

describe('toSnippetSegments', () => {
  it('cuts marked text into plain and highlighted segments', () => {
    expect(toSnippetSegments(`the ${O}twitch${C} response`)).toEqual([
      { text: 'the ', highlight: false },
      { text: 'twitch', highlight: true },
      { text: ' response', highlight: false }
    ])
  })

  it('merges adjacent highlights and drops empty segments', () => {
    expect(toSnippetSegments(`${O}neck${C}${O} pain${C}`)).toEqual([
      { text: 'neck pain', highlight: true }
    ])
    expect(toSnippetSegments('')).toEqual([])
  })

  it('keeps markup as text (never HTML)', () => {
    expect(toSnippetSegments(`<b>${O}x${C}</b>`)).toEqual([
      { text: '<b>', highlight: false },
      { text: 'x', highlight: true },
      { text: '</b>', highlight: false }
    ])
  })

  it('removes sentinels from indexed text', () => {
    expect(stripHighlightSentinels(`a${O}b${C}c`)).toBe('abc')
  })
})
