import type { Note } from '../../../../shared/api/notes'
import { replaceNoteLinks } from '../../../../shared/api/notes-text'
import { hrefForHit } from '../../app/sections'
import { toHref } from '../../lib/router'

/** Characters that would turn a label into markdown. */
const escapeMarkdown = (text: string): string => text.replace(/[\\`*_[\]<>#!|~]/g, '\\$&')

/**
 * A note's markdown with its `[[kind:id|Label]]` links as app links (the route the one search
 * opens for that item), and a link whose item is gone as its label marked "(missing)": never a
 * link that leads nowhere. Links the core has not resolved (a draft's new ones) stay text.
 */
export function noteMarkdown(body: string, links: Note['links']): string {
  return replaceNoteLinks(body, (link) => {
    const label = escapeMarkdown(link.label)
    const found = links.find((l) => l.kind === link.kind && l.id === link.id)
    if (!found) return label
    if (!found.exists) return `*${label} (missing)*`
    const href = hrefForHit({
      kind: found.kind,
      id: found.id,
      title: found.title,
      parent: found.parent,
      snippet: [],
      titleHighlighted: [],
      tags: [],
      flags: [],
      rank: 0
    })
    return href ? `[${label}](<${toHref(href)}>)` : label
  })
}
