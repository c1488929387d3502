import type { ArticleSummary } from '../../../../shared/api/articles'
import { Link } from '../../lib/link'
import { CATEGORIES, CATEGORY_LABELS, EditedWhen, OriginBadge } from './article-meta'
import { paths } from './paths'

/** Articles under a heading per category, alphabetical inside each. */
export function ArticleGroups({ articles }: { articles: readonly ArticleSummary[] }) {
  return (
    <div className="article-groups">
      {CATEGORIES.map((category) => {
        const list = articles
          .filter((a) => a.category === category)
          .sort((a, b) => a.title.localeCompare(b.title))
        if (list.length === 0) return null
        const headingId = `group-${category}`
        return (
          <section key={category} className="article-group" aria-labelledby={headingId}>
            <h2 id={headingId} className="article-group__title">
              {CATEGORY_LABELS[category]} <span className="count">{list.length}</span>
            </h2>
            <ul className="article-list">
              {list.map((article) => (
                <ArticleCard key={article.id} article={article} />
              ))}
            </ul>
          </section>
        )
      })}
    </div>
  )
}

function ArticleCard({ article }: { article: ArticleSummary }) {
  return (
    <li className="article-card">
      <h3 className="article-card__title">
        <Link to={paths.article(article.id)}>{article.title}</Link>
      </h3>
      {article.summary && <p className="article-card__summary">{article.summary}</p>}
      {article.tags.length > 0 && (
        <ul className="tag-list" aria-label="Tags">
          {article.tags.map((t) => (
            <li key={t}>
              <Link className="tag" to={paths.library({ tag: t })}>
                {t}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <div className="article-card__meta">
        <OriginBadge article={article} />
        <EditedWhen article={article} className="muted" />
      </div>
    </li>
  )
}
