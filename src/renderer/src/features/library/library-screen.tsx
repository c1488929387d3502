import { useEffect, useMemo, useState } from 'react'
import type { ArticleSummary } from '../../../../shared/api/articles'
import { useAppInfo } from '../../app/app-info'
import { loadLibrary } from '../../app/start-requests'
import { EmptyState, ErrorState, SkeletonList } from '../../components/states'
import { takeEarly, takeEarlyAnswer } from '../../lib/api'
import { Link } from '../../lib/link'
import { markFirstScreen } from '../../lib/startup'
import { useAsync } from '../../lib/use-async'
import { useDocumentTitle } from '../../lib/use-document-title'
import { isCategory } from './article-meta'
import { ArticleGroups } from './article-groups'
import { BinList } from './bin-list'
import { LibraryFilters, matchesText } from './library-filters'
import { NewArticleButton } from './new-article-button'
import { paths } from './paths'
import './library.css'

/** The knowledge base: every article, grouped by category, filterable; and the bin. */
export function LibraryScreen({ query }: { query: URLSearchParams }) {
  const view = query.get('view') === 'bin' ? 'bin' : 'articles'
  const categoryParam = query.get('category')
  const category = isCategory(categoryParam) ? categoryParam : null
  const tag = query.get('tag')
  const [text, setText] = useState('')
  const { readOnly } = useAppInfo()
  const { state, reload } = useAsync(
    () => takeEarly(loadLibrary),
    'library',
    () => takeEarlyAnswer(loadLibrary)
  )
  useDocumentTitle(view === 'bin' ? 'Bin' : 'Knowledge base')
  useEffect(() => {
    if (state.status !== 'loading') markFirstScreen()
  }, [state.status])

  const { active, deleted } = useMemo(() => {
    const all: ArticleSummary[] = state.status === 'ready' ? state.data : []
    return {
      active: all.filter((a) => a.deletedAt === null),
      deleted: all.filter((a) => a.deletedAt !== null)
    }
  }, [state])

  const visible = active.filter(
    (a) =>
      (!category || a.category === category) &&
      (!tag || a.tags.includes(tag)) &&
      matchesText(a, text)
  )
  const filtered = category !== null || tag !== null || text.trim() !== ''

  return (
    <section className="screen" aria-labelledby="library-title">
      <div className="screen__header">
        <div>
          <h1 id="library-title">Knowledge base</h1>
          <p className="screen__subtitle">
            Reference articles for the treatment room: built-in and your clinic&apos;s own.
          </p>
        </div>
        <div className="screen__actions">
          <NewArticleButton readOnly={readOnly} />
        </div>
      </div>

      <nav className="tabs" aria-label="Library views">
        <Link
          to={paths.library()}
          className={view === 'articles' ? 'tab tab--active' : 'tab'}
          aria-current={view === 'articles' ? 'page' : undefined}
        >
          Articles{state.status === 'ready' && ` (${active.length})`}
        </Link>
        <Link
          to={paths.bin()}
          className={view === 'bin' ? 'tab tab--active' : 'tab'}
          aria-current={view === 'bin' ? 'page' : undefined}
        >
          Bin{state.status === 'ready' && ` (${deleted.length})`}
        </Link>
      </nav>

      {state.status === 'loading' && <SkeletonList label="Loading articles" />}
      {state.status === 'error' && (
        <ErrorState
          title="The articles could not be loaded."
          error={state.error}
          onRetry={reload}
        />
      )}
      {state.status === 'ready' && view === 'bin' && (
        <BinList articles={deleted} readOnly={readOnly} onChanged={reload} />
      )}
      {state.status === 'ready' && view === 'articles' && active.length === 0 && (
        <EmptyState
          title="No articles yet"
          message="Articles you write appear here, next to the built-in ones."
          action={<NewArticleButton readOnly={readOnly} label="Write the first article" />}
        />
      )}
      {state.status === 'ready' && view === 'articles' && active.length > 0 && (
        <>
          <LibraryFilters
            articles={active}
            category={category}
            tag={tag}
            text={text}
            onText={setText}
          />
          <p className="visually-hidden" role="status">
            {filtered ? `${visible.length} of ${active.length} articles shown` : ''}
          </p>
          {visible.length === 0 ? (
            <EmptyState
              title="No articles match these filters"
              action={
                <Link to={paths.library()} className="button" onClick={() => setText('')}>
                  Clear filters
                </Link>
              }
            />
          ) : (
            <ArticleGroups articles={visible} />
          )}
        </>
      )}
    </section>
  )
}
