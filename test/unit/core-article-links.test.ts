import { describe, expect, it } from 'vitest'
import { parseArticleLinks } from '../../src/main/core/articles/article-links'

describe('parseArticleLinks', () => {
  it('finds article links once each, in order', () => {
    const body =
      'See [IMS](article:ims-basics) and [safety](article:needle-safety "Safety"), then [IMS again](article:ims-basics).'
    expect(parseArticleLinks(body)).toEqual(['ims-basics', 'needle-safety'])
  })

  it('ignores other links and links inside fenced code', () => {
    const body = [
      '[web](https://example.org) [bad](article:Not_A_Slug)',
      '```',
      '[code](article:in-code)',
      '```',
      '[ok](article:ok)'
    ].join('\n')
    expect(parseArticleLinks(body)).toEqual(['ok'])
  })
})
