import type { Article } from '../../../../shared/api/articles'
import { EditIcon, HistoryIcon, TrashIcon } from '../../components/icons'
import { Link } from '../../lib/link'
import { paths } from '../library/paths'
import { ExplainFiguresButton } from '../explain/explain-figures-button'
import { useArticleCommands } from './use-article-commands'
import { useEditsOffReason } from '../role/role-context'

interface ArticleActionsProps {
  article: Article
  readOnly: boolean
  onChanged: (article: Article) => void
}

export function ArticleActions({ article, readOnly, onChanged }: ArticleActionsProps) {
  const { busy, moveToBin, resetToBuiltin } = useArticleCommands(article, onChanged)
  const editsOff = useEditsOffReason()
  const deleted = article.deletedAt !== null
  const canEdit = !readOnly && !deleted
  return (
    <div className="toolbar" role="toolbar" aria-label="Article actions">
      {canEdit ? (
        <Link to={paths.edit(article.id)} className="button button--primary">
          <EditIcon />
          Edit
        </Link>
      ) : (
        <button
          type="button"
          className="button button--primary"
          disabled
          title={readOnly ? editsOff : 'Restore the article to edit it'}
        >
          <EditIcon />
          Edit
        </button>
      )}
      <Link to={paths.history(article.id)} className="button">
        <HistoryIcon />
        History
      </Link>
      <ExplainFiguresButton article={article} />
      {article.isBuiltin && article.isModified && (
        <button
          type="button"
          className="button"
          disabled={readOnly || busy}
          onClick={() => void resetToBuiltin()}
        >
          Reset to built-in…
        </button>
      )}
      {!deleted && (
        <button
          type="button"
          className="button button--quiet button--danger-text"
          disabled={readOnly || busy}
          onClick={() => void moveToBin()}
        >
          <TrashIcon />
          Move to bin
        </button>
      )}
    </div>
  )
}
