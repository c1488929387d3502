import { describe, expect, it } from 'vitest'
import { markdownToSearchText } from '../../src/main/core/search/markdown-text'

describe('markdownToSearchText', () => {
  it('keeps the words and drops the markup', () => {
    const text = markdownToSearchText(
      '# Heading\n\nA **bold** and *soft* [link](article:target) with `code`.\n\n- one\n- two\n\n<div>html</div>'
    )
    expect(text).toBe('Heading\nA bold and soft link with code.\none\ntwo')
  })

  it('keeps the labels of mermaid diagrams but not other code', () => {
    const text = markdownToSearchText(
      '```mermaid\nflowchart TD\n  A[Needle in] -->|twitch| B{Release?}\n```\n\n```js\nconst hidden = 1\n```'
    )
    expect(text).toContain('Needle in')
    expect(text).toContain('twitch')
    expect(text).toContain('Release?')
    expect(text).not.toContain('flowchart')
    expect(text).not.toContain('hidden')
  })

  it('keeps table cells apart', () => {
    expect(markdownToSearchText('| a | b |\n| - | - |\n| c | d |')).toBe('a b\nc d')
  })
})
