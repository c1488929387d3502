import type { SafetyFlag } from '../../../../shared/api/search'
import { safetyFlagLabel } from '../../../../shared/atlas/regions'
import './safety.css'

/** Safety flags as badges, wherever a flagged muscle or point is listed. */
export function SafetyBadges({
  flags,
  compact = false
}: {
  flags: readonly SafetyFlag[]
  /** Smaller badges for lists. */
  compact?: boolean
}) {
  if (flags.length === 0) return null
  return (
    <span className={compact ? 'safety-badges safety-badges--compact' : 'safety-badges'}>
      {flags.map((flag) => (
        <span key={flag} className="badge badge--flag" data-flag={flag}>
          <span aria-hidden="true">⚠ </span>
          {safetyFlagLabel(flag)}
        </span>
      ))}
    </span>
  )
}

/** The safety box at the top of a muscle's or point's page. */
export function SafetyNotice({
  items,
  title = 'Safety'
}: {
  items: readonly { flag: SafetyFlag; text: string | null }[]
  title?: string
}) {
  if (items.length === 0) return null
  return (
    <aside className="safety-notice" aria-label={title}>
      <h2 className="safety-notice__title">
        <span aria-hidden="true">⚠</span> {title}
      </h2>
      <ul className="safety-notice__list">
        {items.map((item, i) => (
          <li key={`${item.flag}-${i}`}>
            <strong>{safetyFlagLabel(item.flag)}.</strong> {item.text}
          </li>
        ))}
      </ul>
    </aside>
  )
}
