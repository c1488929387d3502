import type { ArticleSummary } from '../../../../shared/api/articles'
import { Link } from '../../lib/link'
import { ConflictMark, UnseenConflicts } from '../sync/conflict-notice'
import { CATEGORIES, CATEGORY_LABELS, EditedWhen, OriginBadge } from './article-meta'
import { paths } from './paths'

/**
 * Articles under a heading per category, alphabetical inside each; an article changed on two
 * computers at the same time is marked until someone has looked (one question for the list).
 */
export function ArticleGroups({ articles }: { articles: readonly ArticleSummary[] }) {
  return (
    <UnseenConflicts kind="article">
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
    </UnseenConflicts>
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
        <ConflictMark kind="article" itemId={article.id} to={paths.article(article.id)} />
        <EditedWhen article={article} className="muted" />
      </div>
    </li>
  )
}
