import type { Article } from '../../../../shared/api/articles'
import { RelativeTime } from '../library/article-meta'
import { useArticleCommands } from './use-article-commands'

interface ArticleNoticesProps {
  article: Article
  readOnly: boolean
  onChanged: (article: Article) => void
}

/** "In the bin" and "a newer built-in text exists" notices, each with its action. */
export function ArticleNotices({ article, readOnly, onChanged }: ArticleNoticesProps) {
  const { busy, restore, resetToBuiltin } = useArticleCommands(article, onChanged)
  return (
    <>
      {article.deletedAt !== null && (
        <div className="notice notice--warning">
          <p>
            This article is in the bin (deleted <RelativeTime iso={article.deletedAt} />
            ).
          </p>
          <button
            type="button"
            className="button button--small"
            disabled={readOnly || busy}
            onClick={() => void restore()}
          >
            Restore from the bin
          </button>
        </div>
      )}
      {article.builtinUpdateAvailable && (
        <div className="notice notice--info">
          <p>
            <strong>A newer built-in version of this article is available.</strong> It was not
            applied because your clinic has edited this article. Your text is unchanged.
          </p>
          <button
            type="button"
            className="button button--small"
            disabled={readOnly || busy}
            onClick={() => void resetToBuiltin()}
          >
            Reset to built-in…
          </button>
        </div>
      )}
    </>
  )
}
