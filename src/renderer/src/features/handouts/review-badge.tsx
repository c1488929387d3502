import type { ReviewStatus } from '../../../../shared/api/handouts'

/** "Needs clinic review" wherever a translation that nobody approved yet is chosen. */
export function ReviewBadge({ status }: { status: ReviewStatus }) {
  if (status === 'approved') return null
  return <span className="badge badge--review">Needs clinic review</span>
}
