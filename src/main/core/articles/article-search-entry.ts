import { markdownToSearchText } from '../search/markdown-text'
import type { SearchDocument } from '../search/search-index'
import type { ArticleRecord } from './article-repo'
import type { ArticleText } from './article-text'
import { ARTICLE_KIND } from './builtin-articles'

/**
 * An article's search entry: its shown text, plus the words of `otherVersions` (a version saved
 * on another computer at the same time, while nobody has looked at it: docs/clinic-network.md).
 */
export function articleSearchEntry(
  record: ArticleRecord,
  otherVersions: readonly ArticleText[] = []
): SearchDocument {
  return {
    kind: ARTICLE_KIND,
    id: record.id,
    title: record.title,
    body: [record, ...otherVersions]
      .flatMap((text) => [text.summary, markdownToSearchText(text.body)])
      .filter((part) => part)
      .join('\n'),
    tags: record.tags
  }
}
