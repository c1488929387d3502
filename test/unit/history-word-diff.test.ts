import { describe, expect, it } from 'vitest'
import { compareTexts } from '../../src/renderer/src/features/history/word-diff'
import type { DiffPart } from '../../src/renderer/src/features/history/word-diff'

const text = (parts: readonly DiffPart[]): string =>
  parts.map((p) => (p.kind === 'skip' ? `<${p.lines} folded>` : p.text)).join('')
const marked = (parts: readonly DiffPart[]): string =>
  parts
    .map((p) =>
      p.kind === 'added'
        ? `{+${p.text}+}`
        : p.kind === 'removed'
          ? `[-${p.text}-]`
          : p.kind === 'skip'
            ? `<${p.lines}>`
            : p.text
    )
    .join('')

describe('the history comparison (word level)', () => {
  it('marks the words that changed inside a line, keeping the spaces', () => {
    const diff = compareTexts('Stop if  pain is sharp.\n', 'Stop at once if pain is sharp.\n')
    expect(marked(diff.parts)).toBe('Stop {+at once +}if[-  -]{+ +}pain is sharp.\n')
    expect(diff).toMatchObject({ addedWords: 2, removedWords: 0 })
    expect(marked(compareTexts('Stop at once.', 'Stop if pain is sharp.').parts)).toBe(
      'Stop [-at once-]{+if pain is sharp+}.'
    )
  })

  it('gives back both texts: the unchanged and removed parts make the old, unchanged and added the new', () => {
    const before = 'One.\nTwo words here.\nThree.\n'
    const after = 'One.\nTwo new words here.\nThree.\nFour.\n'
    const { parts } = compareTexts(before, after)
    expect(text(parts.filter((p) => p.kind !== 'added'))).toBe(before)
    expect(text(parts.filter((p) => p.kind !== 'removed'))).toBe(after)
  })

  it('folds long unchanged stretches to two lines of context around each change', () => {
    const lines = Array.from({ length: 40 }, (_, n) => `Line ${n + 1}.\n`)
    const after = [...lines]
    after[20] = 'Line twenty-one.\n'
    const { parts } = compareTexts(lines.join(''), after.join(''))
    expect(parts.map((p) => p.kind)).toEqual(['skip', 'same', 'removed', 'added', 'same', 'skip'])
    expect(parts[0]).toEqual({ kind: 'skip', lines: 18 })
    // Two whole lines of context and the start of the changed line.
    expect(parts[1]).toEqual({ kind: 'same', text: 'Line 19.\nLine 20.\nLine ' })
    expect(parts[4]).toEqual({ kind: 'same', text: '.\nLine 22.\nLine 23.\n' })
    expect(parts[5]).toEqual({ kind: 'skip', lines: 17 })
  })

  it('compares a long article by the paragraphs that changed (one word in 5,000)', () => {
    const paragraphs = Array.from(
      { length: 250 },
      (_, n) =>
        `Paragraph ${n} has twenty words about trigger points, needling depth, safety and care.\n\n`
    )
    const after = [...paragraphs]
    after[125] = after[125]?.replace('safety', 'lung safety') ?? ''
    const diff = compareTexts(paragraphs.join(''), after.join(''))
    expect(diff.parts.filter((p) => p.kind === 'added')).toEqual([{ kind: 'added', text: 'lung ' }])
    expect(diff.parts.filter((p) => p.kind === 'removed')).toEqual([])
    expect(diff.parts.length).toBeLessThan(8)
  })

  it('shows a block removed then added whole when the word pass would be too costly', () => {
    const before = Array.from({ length: 3000 }, (_, n) => `a${n}`).join(' ')
    const after = Array.from({ length: 3000 }, (_, n) => `b${n}`).join(' ')
    const diff = compareTexts(before, after)
    expect(diff.parts).toEqual([
      { kind: 'removed', text: before },
      { kind: 'added', text: after }
    ])
    expect(diff).toMatchObject({ addedWords: 3000, removedWords: 3000 })
  })
})
