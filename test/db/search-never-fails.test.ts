/**
 * Through the real core and the real built-in content: any text up to the field's limit gives
 * hits or an empty list, never an error (issue 9). The text generator mixes FTS5 syntax, brackets,
 * quotes, NUL, emoji, right-to-left and CJK text, point codes and nerve roots with words.
 */
import { resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/core/api/dispatch'
import { SEARCH_TEXT_MAX } from '../../src/shared/api/search'
import { openTestLibrary } from './helpers'

const PIECES = [
  '"',
  '(',
  ')',
  '*',
  ':',
  '-',
  'AND',
  'OR',
  'NOT',
  'NEAR(',
  'li4',
  'LI 4',
  'bl 40',
  'st36',
  'C5-C6',
  'L5',
  'KI1',
  'neck',
  'traps',
  'trapezuis',
  'tennis elbow',
  'épaule',
  '合谷',
  '疼痛',
  'مرحبا',
  'שלום',
  '\u202e',
  '\u0000',
  '😀',
  '\ud800',
  ' ',
  '0'
]
const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string(), fc.string({ unit: 'binary' }))
const searchText = fc
  .array(fc.tuple(piece, fc.constantFrom('', ' ')), { maxLength: 25 })
  .map((parts) =>
    parts
      .map(([text, gap]) => text + gap)
      .join('')
      .slice(0, SEARCH_TEXT_MAX)
  )

describe('search through the core never fails', () => {
  it('answers any text up to the limit with hits or an empty list', async () => {
    const { library } = openTestLibrary({ resourcesDir: resolve(__dirname, '../../resources') })
    await fc.assert(
      fc.asyncProperty(searchText, fc.boolean(), async (q, filtered) => {
        const result = await dispatch(library.handlers, 'search:query', {
          q,
          limit: 8,
          ...(filtered ? { kinds: ['acupoint', 'handout'] } : {})
        })
        expect(result.ok, JSON.stringify(q)).toBe(true)
      }),
      { numRuns: 200 }
    )
  })
})
