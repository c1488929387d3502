import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  ContentFileError,
  parseFrontMatter,
  splitFrontMatter
} from '../../src/main/core/content/front-matter'

describe('front matter', () => {
  it('splits YAML from the body, with a BOM and CRLF line endings', () => {
    const file = '\uFEFF---\r\ntitle: Neck\r\ntags: [a, b]\r\n---\r\nBody line\r\n'
    expect(splitFrontMatter(file)).toEqual({
      data: { title: 'Neck', tags: ['a', 'b'] },
      body: 'Body line\n'
    })
  })

  it('reads dates as text (YAML 1.2), not Date objects', () => {
    expect(splitFrontMatter('---\nwhen: 2024-01-02\n---\n').data).toEqual({ when: '2024-01-02' })
  })

  it('reports a missing block, bad YAML and schema problems as ContentFileError', () => {
    expect(() => splitFrontMatter('no front matter')).toThrow(ContentFileError)
    expect(() => splitFrontMatter('---\ntitle: [unclosed\n---\n')).toThrow(/not valid YAML/)
    expect(() => parseFrontMatter('---\ntitle: 3\n---\n', z.object({ title: z.string() }))).toThrow(
      /front matter is invalid: title/
    )
  })
})
