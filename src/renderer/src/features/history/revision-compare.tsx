import type { Article, RevisionDetail } from '../../../../shared/api/articles'
import { ErrorState, Loading } from '../../components/states'
import { api } from '../../lib/api'
import { useAsync } from '../../lib/use-async'
import { TextDiffView } from './text-diff-view'

/** What a version is compared with: the current text, or another saved version. */
export type CompareTarget = 'current' | number

type Comparable = Pick<RevisionDetail, 'title' | 'summary' | 'body'>

/** The title and summary are compared too, as the first lines. */
const comparableText = ({ title, summary, body }: Comparable): string =>
  `Title: ${title}\nSummary: ${summary}\n\n${body}`

/**
 * Version `shown` compared with `target`. Against the current text it reads as what restoring
 * would do (from the current text to this version); two versions read from older to newer.
 */
export function RevisionCompare({
  article,
  shown,
  target
}: {
  article: Article
  shown: RevisionDetail
  target: CompareTarget
}) {
  const other = useAsync<Comparable>(
    () =>
      target === 'current'
        ? Promise.resolve(article)
        : api.articles.revision({ id: article.id, revision: target }),
    `${article.id}@${target}@${article.revision}`
  )
  if (other.state.status === 'loading') return <Loading label="Comparing the versions" />
  if (other.state.status === 'error') {
    return (
      <ErrorState
        title="The other version could not be loaded."
        error={other.state.error}
        onRetry={other.reload}
      />
    )
  }
  const otherText = comparableText(other.state.data)
  const shownText = comparableText(shown)
  if (target === 'current') {
    return (
      <TextDiffView
        before={otherText}
        after={shownText}
        heading={`What restoring version ${shown.revision} would change in the current text (version ${article.revision})`}
      />
    )
  }
  const older = target < shown.revision
  return (
    <TextDiffView
      before={older ? otherText : shownText}
      after={older ? shownText : otherText}
      heading={`Changes from version ${Math.min(target, shown.revision)} to version ${Math.max(target, shown.revision)}`}
    />
  )
}
