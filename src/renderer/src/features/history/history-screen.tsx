import type { Article, RevisionSummary } from '../../../../shared/api/articles'
import { ErrorState, SkeletonList } from '../../components/states'
import { api } from '../../lib/api'
import { Link } from '../../lib/link'
import { useAsync } from '../../lib/use-async'
import { useDocumentTitle } from '../../lib/use-document-title'
import { RelativeTime } from '../library/article-meta'
import { paths } from '../library/paths'
import { RevisionView } from './revision-view'
import { SOURCE_LABELS } from './revision-labels'
import { useConflictRevisions } from '../sync/conflict-notice'
import './history.css'
import { Breadcrumb } from '../../components/breadcrumb'

interface HistoryData {
  readonly article: Article
  readonly revisions: readonly RevisionSummary[]
}

/** Every saved revision of an article, newest first; view one and restore it. */
export function HistoryScreen({ id, revision }: { id: string; revision: number | null }) {
  const { state, reload } = useAsync<HistoryData>(async () => {
    const [article, revisions] = await Promise.all([
      api.articles.get({ id }),
      api.articles.revisions({ id })
    ])
    return { article, revisions: [...revisions].sort((a, b) => b.revision - a.revision) }
  }, `history:${id}`)
  const fromElsewhere = useConflictRevisions('article', id)
  useDocumentTitle(state.status === 'ready' ? `History: ${state.data.article.title}` : 'History')

  if (state.status === 'loading') {
    return (
      <section className="screen" aria-labelledby="history-title">
        <h1 id="history-title">History</h1>
        <SkeletonList label="Loading the history" rows={4} />
      </section>
    )
  }
  if (state.status === 'error') {
    return (
      <section className="screen" aria-labelledby="history-title">
        <h1 id="history-title">History</h1>
        <ErrorState title="The history could not be loaded." error={state.error} onRetry={reload} />
      </section>
    )
  }
  const { article, revisions } = state.data
  const current = article.revision
  const selected = revisions.find((r) => r.revision === revision)?.revision ?? current

  return (
    <section className="screen history" aria-labelledby="history-title">
      <Breadcrumb
        items={[
          { to: paths.library(), label: 'Knowledge base' },
          { to: paths.article(article.id), label: article.title }
        ]}
      />
      <h1 id="history-title">History of “{article.title}”</h1>
      <p className="screen__subtitle">
        Every save is kept. Restoring an old version saves it again as a new version; nothing is
        lost.
      </p>
      <div className="history__layout">
        <nav className="history__list" aria-label="Versions">
          <ol>
            {revisions.map((r) => (
              <li key={r.revision}>
                <Link
                  to={paths.history(article.id, r.revision)}
                  className={r.revision === selected ? 'revision revision--selected' : 'revision'}
                  aria-current={r.revision === selected ? 'true' : undefined}
                >
                  <span className="revision__number">Version {r.revision}</span>
                  <span className="badge">{SOURCE_LABELS[r.source]}</span>
                  {r.revision === current && <span className="badge badge--current">Current</span>}
                  {fromElsewhere.has(r.revision) && (
                    <span className="badge">Saved at the same time</span>
                  )}
                  <span className="revision__when">
                    <RelativeTime iso={r.savedAt} />
                  </span>
                  {r.title !== article.title && <span className="revision__title">{r.title}</span>}
                </Link>
              </li>
            ))}
          </ol>
        </nav>
        <RevisionView
          key={selected}
          article={article}
          revision={selected}
          isCurrent={selected === current}
          revisions={revisions}
        />
      </div>
    </section>
  )
}
