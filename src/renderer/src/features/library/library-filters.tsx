import { useId } from 'react'
import type { ArticleSummary } from '../../../../shared/api/articles'
import type { ArticleCategory } from '../../../../shared/api/articles'
import { Link } from '../../lib/link'
import { navigate } from '../../lib/router'
import { CATEGORIES, CATEGORY_LABELS } from './article-meta'
import { paths } from './paths'

export function matchesText(article: ArticleSummary, text: string): boolean {
  const needle = text.trim().toLocaleLowerCase()
  if (!needle) return true
  return (
    article.title.toLocaleLowerCase().includes(needle) ||
    article.summary.toLocaleLowerCase().includes(needle) ||
    article.tags.some((t) => t.toLocaleLowerCase().includes(needle))
  )
}

interface LibraryFiltersProps {
  articles: readonly ArticleSummary[]
  category: ArticleCategory | null
  tag: string | null
  text: string
  onText: (text: string) => void
}

/** Category chips, a tag menu and a quick text filter; category and tag live in the address. */
export function LibraryFilters({ articles, category, tag, text, onText }: LibraryFiltersProps) {
  const textId = useId()
  const tagId = useId()
  const counts = new Map<ArticleCategory, number>()
  const tagCounts = new Map<string, number>()
  for (const a of articles) {
    counts.set(a.category, (counts.get(a.category) ?? 0) + 1)
    for (const t of a.tags) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1)
  }
  const tags = [...tagCounts.keys()].sort((a, b) => a.localeCompare(b))
  if (tag && !tagCounts.has(tag)) tags.unshift(tag)

  return (
    <div className="filters">
      <div className="filters__row" role="group" aria-label="Category">
        <Link
          to={paths.library({ tag: tag ?? undefined })}
          className={category === null ? 'chip chip--active' : 'chip'}
          aria-current={category === null ? 'true' : undefined}
        >
          All categories
        </Link>
        {CATEGORIES.filter((c) => counts.has(c) || c === category).map((c) => (
          <Link
            key={c}
            to={paths.library({ category: c, tag: tag ?? undefined })}
            className={category === c ? 'chip chip--active' : 'chip'}
            aria-current={category === c ? 'true' : undefined}
          >
            {CATEGORY_LABELS[c]} <span className="chip__count">{counts.get(c) ?? 0}</span>
          </Link>
        ))}
      </div>
      <div className="filters__row">
        <div className="field field--inline">
          <label htmlFor={tagId}>Tag</label>
          <select
            id={tagId}
            value={tag ?? ''}
            onChange={(event) =>
              void navigate(
                paths.library({
                  category: category ?? undefined,
                  tag: event.target.value || undefined
                }),
                { replace: true }
              )
            }
          >
            <option value="">Any tag</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t} ({tagCounts.get(t) ?? 0})
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline field--grow">
          <label htmlFor={textId}>Filter this list</label>
          <input
            id={textId}
            type="text"
            value={text}
            placeholder="Title, summary or tag"
            onChange={(event) => onText(event.target.value)}
          />
        </div>
      </div>
    </div>
  )
}
