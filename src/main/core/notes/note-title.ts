import { replaceNoteLinks } from '../../../shared/api/notes-text'
import { markdownToSearchText } from '../search/markdown-text'

const MAX_TITLE = 80

/** A note's text as the search reads it: links as their labels, no markdown marks. */
export const noteSearchText = (body: string): string => markdownToSearchText(replaceNoteLinks(body))

/** A note's title: its first line of text, without markdown marks, cut at a word. */
export function noteTitle(body: string): string {
  const first = firstLine(noteSearchText(body)) || firstLine(body)
  if (first.length <= MAX_TITLE) return first || 'Untitled note'
  const cut = first.slice(0, MAX_TITLE)
  const space = cut.lastIndexOf(' ')
  return `${(space > 40 ? cut.slice(0, space) : cut).trimEnd()}…`
}

const firstLine = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.length > 0) ?? ''
