import type { Article } from '../../../../shared/api/articles'
import { Link } from '../../lib/link'
import { CATEGORY_LABELS, EditedWhen, OriginBadge } from '../library/article-meta'
import { paths } from '../library/paths'
import { Breadcrumb } from '../../components/breadcrumb'

export function ArticleHeader({ article }: { article: Article }) {
  return (
    <header className="article__header">
      <Breadcrumb
        items={[
          { to: paths.library(), label: 'Knowledge base' },
          {
            to: paths.library({ category: article.category }),
            label: CATEGORY_LABELS[article.category]
          }
        ]}
      />
      <h1 id="article-title">{article.title}</h1>
      <div className="article__meta">
        <OriginBadge article={article} />
        <EditedWhen article={article} />
        <span className="muted">Version {article.revision}</span>
      </div>
      {article.tags.length > 0 && (
        <ul className="tag-list" aria-label="Tags">
          {article.tags.map((tag) => (
            <li key={tag}>
              <Link className="tag" to={paths.library({ tag })}>
                {tag}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {article.summary && <p className="article__summary">{article.summary}</p>}
    </header>
  )
}
