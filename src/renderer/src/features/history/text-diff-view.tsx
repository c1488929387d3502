import { useId, useMemo } from 'react'
import { compareTexts } from './word-diff'
import type { DiffPart } from './word-diff'

interface TextDiffViewProps {
  readonly before: string
  readonly after: string
  /** "Changes from version 2 to version 4" */
  readonly heading: string
}

/**
 * A word-level comparison of two texts. Removed words are struck through (<del>), added ones
 * underlined (<ins>), and each says so in words for screen readers: never colour alone.
 */
export function TextDiffView({ before, after, heading }: TextDiffViewProps) {
  const diff = useMemo(() => compareTexts(before, after), [before, after])
  const headingId = useId()
  const same = diff.parts.every((part) => part.kind === 'same' || part.kind === 'skip')
  return (
    <section className="text-diff" aria-labelledby={headingId}>
      <h3 id={headingId}>{heading}</h3>
      {same ? (
        <p className="text-diff__summary">The two texts are the same.</p>
      ) : (
        <>
          <p className="text-diff__summary">
            {words(diff.addedWords)} added, {words(diff.removedWords)} removed.
          </p>
          <p className="text-diff__legend">
            <del>Struck through</del>: removed. <ins>Underlined</ins>: added. Unchanged parts far
            from a change are folded.
          </p>
          <div className="text-diff__text" role="region" aria-label={heading} tabIndex={0}>
            {diff.parts.map((part, n) => (
              <Part key={n} part={part} />
            ))}
          </div>
        </>
      )}
    </section>
  )
}

function Part({ part }: { part: DiffPart }) {
  switch (part.kind) {
    case 'same':
      return <span>{part.text}</span>
    case 'skip':
      return (
        <span className="text-diff__skip">
          … {part.lines} unchanged {part.lines === 1 ? 'line' : 'lines'} …{'\n'}
        </span>
      )
    case 'added':
      return (
        <ins>
          <span className="visually-hidden">[added: </span>
          {part.text}
          <span className="visually-hidden">]</span>
        </ins>
      )
    case 'removed':
      return (
        <del>
          <span className="visually-hidden">[removed: </span>
          {part.text}
          <span className="visually-hidden">]</span>
        </del>
      )
  }
}

const words = (n: number): string => `${n.toLocaleString()} ${n === 1 ? 'word' : 'words'}`
