import { useState } from 'react'
import type { ArticleSummary } from '../../../../shared/api/articles'
import { EmptyState } from '../../components/states'
import { useToast } from '../../components/toast'
import { api } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { CATEGORY_LABELS, RelativeTime } from './article-meta'

interface BinListProps {
  articles: readonly ArticleSummary[]
  readOnly: boolean
  onChanged: () => void
}

/** Deleted articles, newest first, each with "Restore". Nothing here is ever purged silently. */
export function BinList({ articles, readOnly, onChanged }: BinListProps) {
  const toast = useToast()
  const [busy, setBusy] = useState<string | null>(null)

  if (articles.length === 0) {
    return (
      <EmptyState
        title="The bin is empty"
        message="Articles you delete wait here, and can be restored at any time."
      />
    )
  }

  const restore = async (article: ArticleSummary) => {
    setBusy(article.id)
    try {
      await api.articles.undelete({ id: article.id })
      toast({ message: `Restored “${article.title}”.` })
      onChanged()
    } catch (error) {
      toast({ message: errorMessage(error), tone: 'error' })
    } finally {
      setBusy(null)
    }
  }

  const sorted = [...articles].sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? ''))
  return (
    <ul className="article-list article-list--bin" aria-label="Deleted articles">
      {sorted.map((article) => (
        <li key={article.id} className="article-card article-card--row">
          <div>
            <p className="article-card__title">{article.title}</p>
            <p className="muted">
              {CATEGORY_LABELS[article.category]} · deleted{' '}
              {article.deletedAt && <RelativeTime iso={article.deletedAt} />}
            </p>
          </div>
          <button
            type="button"
            className="button"
            disabled={readOnly || busy === article.id}
            aria-label={`Restore “${article.title}”`}
            onClick={() => void restore(article)}
          >
            {busy === article.id ? 'Restoring…' : 'Restore'}
          </button>
        </li>
      ))}
    </ul>
  )
}
