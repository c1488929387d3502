import { isoNow } from '../clock'
import type { Clock } from '../clock'
import type { BuiltinItemWriter } from '../content/builtin-tracking'
import type { BuiltinHandoutContent } from './builtin-handouts'
import type { HandoutRepo, HandoutTextRow, HandoutVersionRow } from './handout-repo'
import { fromShipped } from './handout-rows'

/** How the shared built-in importer writes shipped handout texts (first run and upgrades). */
export function builtinHandoutWriter(
  repo: HandoutRepo,
  write: (row: HandoutTextRow, source: HandoutVersionRow['source']) => void,
  clock: Clock
): BuiltinItemWriter<BuiltinHandoutContent> {
  const now = (): string => isoNow(clock)
  return {
    currentTextHash: (itemId) => {
      const [id = '', lang = ''] = itemId.split('/')
      return repo.text(id, lang)?.textHash ?? null
    },
    create: (content) => {
      if (!repo.handoutExists(content.id)) repo.insertHandout(content.id, true, now())
      write(fromShipped(content, 1, now()), 'builtin')
    },
    update: (content) => {
      write(
        fromShipped(content, repo.newestVersion(content.id, content.lang) + 1, now()),
        'upgrade'
      )
    }
  }
}
