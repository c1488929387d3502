import { diffLines, diffWordsWithSpace } from 'diff'
import type { Change } from 'diff'

/** One run of text in a comparison; `skip` stands for unchanged lines left out of view. */
export type DiffPart =
  | { readonly kind: 'same' | 'added' | 'removed'; readonly text: string }
  | { readonly kind: 'skip'; readonly lines: number }

type WordPart = { readonly kind: 'same' | 'added' | 'removed'; readonly text: string }

export interface TextDiff {
  readonly parts: readonly DiffPart[]
  readonly addedWords: number
  readonly removedWords: number
}

/** Unchanged lines kept on each side of a change, for context. */
const CONTEXT_LINES = 2
/**
 * The word-level pass is cubic at worst on very different blocks: past this it gives up and the
 * block is shown as removed, then added, whole (jsdiff's own cut-off, no timing involved).
 */
const MAX_WORD_EDITS = 150

/**
 * What changed from `before` to `after`, word by word. Lines first (fast even for long
 * articles), then words only inside the blocks of lines that changed, so a one-word edit in a
 * 5,000-word article compares a paragraph, not the article. Long unchanged stretches are folded.
 */
export function compareTexts(before: string, after: string): TextDiff {
  const parts: DiffPart[] = []
  const lines = diffLines(before, after)
  for (let i = 0; i < lines.length; i++) {
    const change = lines[i] as Change
    const next = lines[i + 1]
    if (change.removed && next?.added) {
      parts.push(...changedBlock(change, next))
      i++
    } else {
      parts.push({ kind: kindOf(change), text: change.value })
    }
  }
  return {
    parts: fold(merge(parts)),
    addedWords: countWords(parts, 'added'),
    removedWords: countWords(parts, 'removed')
  }
}

function kindOf(change: Change): 'same' | 'added' | 'removed' {
  return change.added ? 'added' : change.removed ? 'removed' : 'same'
}

/**
 * Lines removed and as many added (each paragraph edited in place) are compared pair by pair,
 * which keeps the word pass small; otherwise the two blocks are compared as wholes.
 */
function changedBlock(removed: Change, added: Change): DiffPart[] {
  if (removed.count !== added.count || removed.count === 1) {
    return wordParts(removed.value, added.value)
  }
  const before = removed.value.split(/(?<=\n)/)
  const after = added.value.split(/(?<=\n)/)
  return before.flatMap((line, n) => wordParts(line, after[n] ?? ''))
}

function wordParts(removed: string, added: string): DiffPart[] {
  const words = diffWordsWithSpace(removed, added, { maxEditLength: MAX_WORD_EDITS })
  if (words === undefined) {
    return [
      { kind: 'removed', text: removed },
      { kind: 'added', text: added }
    ]
  }
  return joinChangedRuns(words.map((change) => ({ kind: kindOf(change), text: change.value })))
}

/**
 * "[-at-]{+if+} [-once-]{+pain+}" reads badly: changes separated only by spaces become one
 * removed run and one added run, with the spaces in both ("[-at once-]{+if pain+}").
 */
function joinChangedRuns(parts: readonly WordPart[]): WordPart[] {
  const joined: WordPart[] = []
  let removed = ''
  let added = ''
  const flush = () => {
    if (removed !== '') joined.push({ kind: 'removed', text: removed })
    if (added !== '') joined.push({ kind: 'added', text: added })
    removed = added = ''
  }
  parts.forEach((part, n) => {
    const between = n > 0 && n < parts.length - 1 && removed + added !== ''
    if (part.kind === 'removed') removed += part.text
    else if (part.kind === 'added') added += part.text
    else if (between && part.text.trim() === '' && parts[n + 1]?.kind !== 'same') {
      removed += part.text
      added += part.text
    } else {
      flush()
      joined.push(part)
    }
  })
  flush()
  return joined
}

/** Neighbouring runs of the same kind become one (fewer elements on screen). */
function merge(parts: readonly DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = []
  for (const part of parts) {
    const last = merged[merged.length - 1]
    if (last && last.kind === part.kind && last.kind !== 'skip' && part.kind !== 'skip') {
      merged[merged.length - 1] = { kind: last.kind, text: last.text + part.text }
    } else if (part.kind === 'skip' || part.text !== '') {
      merged.push(part)
    }
  }
  return merged
}

/** An unchanged run keeps a few lines next to each change; the lines between are folded. */
function fold(parts: readonly DiffPart[]): DiffPart[] {
  return parts.flatMap((part, n) => {
    if (part.kind !== 'same') return [part]
    const lines = part.text.split(/(?<=\n)/)
    // A piece of the changed line itself (before or after the change) is not a line of context.
    const previous = parts[n - 1]
    const startsMidLine = previous?.kind !== 'skip' && !(previous?.text.endsWith('\n') ?? true)
    const endsMidLine = !part.text.endsWith('\n')
    const keepBefore = n === 0 ? 0 : CONTEXT_LINES + (startsMidLine ? 1 : 0)
    const keepAfter = n === parts.length - 1 ? 0 : CONTEXT_LINES + (endsMidLine ? 1 : 0)
    const hidden = lines.length - keepBefore - keepAfter
    if (hidden < 2) return [part]
    const folded: DiffPart[] = []
    if (keepBefore > 0) folded.push({ kind: 'same', text: lines.slice(0, keepBefore).join('') })
    folded.push({ kind: 'skip', lines: hidden })
    if (keepAfter > 0) folded.push({ kind: 'same', text: lines.slice(-keepAfter).join('') })
    return folded
  })
}

function countWords(parts: readonly DiffPart[], kind: 'added' | 'removed'): number {
  let count = 0
  for (const part of parts) {
    if (part.kind === kind) count += part.text.split(/\s+/).filter(Boolean).length
  }
  return count
}
