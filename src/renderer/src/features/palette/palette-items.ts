import type { SearchHit } from '../../../../shared/api/search'
import type { Command, CommandContext } from '../../app/types'
import { SECTIONS, hrefForHit } from '../../app/sections'
import { hrefWith, navigate } from '../../lib/router'
import { groupHits } from '../search/search-kinds'

export interface PaletteItem {
  readonly key: string
  readonly group: string
  readonly command: Command | null
  readonly hit: SearchHit | null
  readonly disabledReason?: string
  readonly run: () => void | Promise<unknown>
}

/** Every command the sections offer in this context. */
export function allCommands(context: CommandContext): Command[] {
  return SECTIONS.flatMap((section) => section.commands?.(context) ?? [])
}

function matches(command: Command, words: readonly string[]): boolean {
  const haystack = `${command.label} ${command.keywords ?? ''}`.toLocaleLowerCase()
  return words.every((w) => haystack.includes(w))
}

/** Commands matching the text first, then search hits by kind, then "Search for …". */
export function paletteItems(
  commands: readonly Command[],
  q: string,
  hits: readonly SearchHit[]
): PaletteItem[] {
  const words = q.toLocaleLowerCase().split(/\s+/).filter(Boolean)
  const items: PaletteItem[] = commands
    .filter((c) => matches(c, words))
    .map((command) => ({
      key: `command:${command.id}`,
      group: 'Commands',
      command,
      hit: null,
      disabledReason: command.disabledReason,
      run: command.run
    }))
  for (const group of groupHits(hits)) {
    for (const hit of group.hits) {
      const href = hrefForHit(hit)
      items.push({
        key: `hit:${hit.kind}:${hit.id}`,
        group: group.label,
        command: null,
        hit,
        disabledReason: href ? undefined : 'This kind of item cannot be opened yet.',
        run: () => (href ? navigate(href) : undefined)
      })
    }
  }
  if (q.trim()) {
    const label = `Search for “${q.trim()}”`
    items.push({
      key: 'search:all',
      group: 'Search',
      command: {
        id: 'search:all',
        label,
        run: () => navigate(hrefWith('/search', { q: q.trim() }))
      },
      hit: null,
      run: () => navigate(hrefWith('/search', { q: q.trim() }))
    })
  }
  return items
}
