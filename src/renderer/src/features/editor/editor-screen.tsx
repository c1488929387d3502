import type { Article } from '../../../../shared/api/articles'
import { useAppInfo } from '../../app/app-info'
import { ErrorState, Loading } from '../../components/states'
import { api } from '../../lib/api'
import { Link } from '../../lib/link'
import { useAsync } from '../../lib/use-async'
import { useDocumentTitle } from '../../lib/use-document-title'
import { paths } from '../library/paths'
import { useRole } from '../role/role-context'
import { EditorForm } from './editor-form'
import './editor.css'

/** `#/articles/new` (id null) and `#/articles/:id/edit`. */
export function EditorScreen({ id }: { id: string | null }) {
  const { readOnly } = useAppInfo()
  const { frontDesk } = useRole()
  const { state, reload } = useAsync<Article | null>(
    () => (id ? api.articles.get({ id }) : Promise.resolve(null)),
    `editor:${id ?? ''}`
  )
  useDocumentTitle(
    id === null
      ? 'New article'
      : state.status === 'ready' && state.data
        ? `Edit: ${state.data.title}`
        : 'Edit'
  )

  if (readOnly) {
    return (
      <section className="screen" aria-labelledby="editor-title">
        <h1 id="editor-title">{id ? 'Edit article' : 'New article'}</h1>
        <div className="notice notice--warning">
          <p>
            {frontDesk
              ? 'This computer is in front-desk mode, so articles cannot be written or changed here.'
              : 'The library is read-only, so articles cannot be written or changed right now.'}
          </p>
        </div>
        <p>
          <Link to={id ? paths.article(id) : paths.library()}>Go back</Link>
        </p>
      </section>
    )
  }
  if (state.status === 'loading') return <Loading label="Opening the editor" />
  if (state.status === 'error') {
    return (
      <section className="screen" aria-labelledby="editor-title">
        <h1 id="editor-title">Edit article</h1>
        <ErrorState
          title="The article could not be opened for editing."
          error={state.error}
          onRetry={reload}
        />
      </section>
    )
  }
  return <EditorForm article={state.data} />
}
