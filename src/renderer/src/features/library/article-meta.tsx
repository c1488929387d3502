import type { ArticleCategory, ArticleSummary } from '../../../../shared/api/articles'
import { formatExact, formatRelative } from '../../lib/format'

/** Labels for the contract's categories (a Record, so a new category fails the type check). */
export const CATEGORY_LABELS: Readonly<Record<ArticleCategory, string>> = {
  acupuncture: 'Acupuncture',
  ims: 'IMS',
  'dry-needling': 'Dry needling',
  safety: 'Safety',
  'course-of-care': 'Course of care',
  reference: 'Reference'
}

export const CATEGORIES = Object.keys(CATEGORY_LABELS) as ArticleCategory[]

export const isCategory = (value: string | null): value is ArticleCategory =>
  value !== null && Object.prototype.hasOwnProperty.call(CATEGORY_LABELS, value)

/**
 * "Last edited 3 days ago", or "Unchanged" for a built-in article nobody has edited (its date is
 * when it was installed, which read as "Last edited just now").
 */
export function EditedWhen({
  article,
  className
}: {
  article: Pick<ArticleSummary, 'isBuiltin' | 'isModified' | 'updatedAt'>
  className?: string
}) {
  if (article.isBuiltin && !article.isModified) {
    return <span className={className}>Unchanged</span>
  }
  return (
    <span className={className}>
      Last edited <RelativeTime iso={article.updatedAt} />
    </span>
  )
}

/** Built-in, built-in and edited here, or written by the clinic. */
export function OriginBadge({
  article
}: {
  article: Pick<ArticleSummary, 'isBuiltin' | 'isModified'>
}) {
  if (article.isBuiltin && article.isModified) {
    return (
      <span className="badge badge--edited" title="A built-in article your clinic has edited">
        Edited
      </span>
    )
  }
  if (article.isBuiltin) {
    return (
      <span className="badge badge--builtin" title="Shipped with Pointbook, unchanged">
        Built-in
      </span>
    )
  }
  return (
    <span className="badge badge--clinic" title="Written by your clinic">
      Clinic
    </span>
  )
}

export function CategoryBadge({ category }: { category: ArticleCategory }) {
  return <span className="badge badge--category">{CATEGORY_LABELS[category]}</span>
}

/** "3 days ago", with the exact date and time on hover and for screen readers' date reading. */
export function RelativeTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatExact(iso)}>
      {formatRelative(iso)}
    </time>
  )
}
