import type { Article } from '../../../../shared/api/articles'
import { useAppInfo } from '../../app/app-info'
import { ErrorState, Loading } from '../../components/states'
import { api } from '../../lib/api'
import { errorCode } from '../../lib/errors'
import { Link } from '../../lib/link'
import { useAsync } from '../../lib/use-async'
import { useDocumentTitle } from '../../lib/use-document-title'
import { MarkdownView } from '../rendering/markdown-view'
import { paths } from '../library/paths'
import { ArticleActions } from './article-actions'
import { ArticleHeader } from './article-header'
import { ArticleLinks } from './article-links'
import { ArticleNotes } from '../notes/article-notes'
import { ArticleNotices } from './article-notices'
import { ConflictNotice } from '../sync/conflict-notice'
import { ReferenceList } from './reference-list'
import './article.css'

/** One article: header, notices, the rendered text with diagrams, references and links. */
export function ArticleScreen({ id }: { id: string }) {
  const { state, reload, setData } = useAsync(() => api.articles.get({ id }), `article:${id}`)
  const { readOnly } = useAppInfo()
  useDocumentTitle(state.status === 'ready' ? state.data.title : null)

  if (state.status === 'loading') return <Loading label="Opening the article" />
  if (state.status === 'error') {
    const missing = errorCode(state.error) === 'not_found'
    return (
      <section className="screen" aria-labelledby="article-error-title">
        <h1 id="article-error-title">{missing ? 'Article not found' : 'Article'}</h1>
        <ErrorState
          title={missing ? 'This article does not exist.' : 'The article could not be opened.'}
          error={state.error}
          onRetry={missing ? undefined : reload}
        >
          {missing && (
            <p>
              <Link to={paths.library()}>Back to the knowledge base</Link>
            </p>
          )}
        </ErrorState>
      </section>
    )
  }
  const article: Article = state.data
  return (
    <article className="screen article" aria-labelledby="article-title">
      <ArticleHeader article={article} />
      <ArticleActions article={article} readOnly={readOnly} onChanged={setData} />
      <ArticleNotices article={article} readOnly={readOnly} onChanged={setData} />
      <ConflictNotice
        kind="article"
        itemId={article.id}
        shownVersion={article.revision}
        historyTo={(revision) => paths.history(article.id, revision)}
        readOnly={readOnly}
      />
      <MarkdownView markdown={article.body} label="Article text" className="article__body" />
      <ReferenceList references={article.references} />
      <ArticleLinks links={article.links} />
      <ArticleNotes id={article.id} />
    </article>
  )
}
