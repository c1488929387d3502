import { useState } from 'react'
import type { SafetyFlag } from '../../../../shared/api/search'
import { safetyFlagLabel } from '../../../../shared/atlas/regions'
import { bySeverity, splitFlags } from './safety-order'
import './safety.css'

function FlagBadge({ flag }: { flag: SafetyFlag }) {
  return (
    <span className="badge badge--flag" data-flag={flag}>
      <span aria-hidden="true">⚠ </span>
      {safetyFlagLabel(flag)}
    </span>
  )
}

/**
 * Safety flags as badges, most serious first, wherever a flagged muscle or point is listed. In
 * lists (`compact`) only the most serious one is a badge, then "+N", which reveals the rest; its accessible name names them all, so no flag is ever out of reach.
 */
export function SafetyBadges({
  flags,
  compact = false
}: {
  flags: readonly SafetyFlag[]
  /** Smaller badges for lists, the less serious ones behind "+N more". */
  compact?: boolean
}) {
  const [expanded, setExpanded] = useState(false)
  if (flags.length === 0) return null
  const { shown, more } = compact ? splitFlags(flags) : { shown: bySeverity(flags), more: [] }
  const visible = expanded ? [...shown, ...more] : shown
  return (
    <span className={compact ? 'safety-badges safety-badges--compact' : 'safety-badges'}>
      {visible.map((flag) => (
        <FlagBadge key={flag} flag={flag} />
      ))}
      {more.length > 0 && (
        <button
          type="button"
          className="badge badge--flag safety-badges__more"
          aria-expanded={expanded}
          aria-label={
            expanded
              ? 'Show fewer safety flags'
              : `${more.length} more safety ${more.length === 1 ? 'flag' : 'flags'}: ${more.map(safetyFlagLabel).join(', ')}`
          }
          onClick={() => setExpanded((e) => !e)}
        >
          {expanded ? 'Fewer' : `+${more.length}`}
        </button>
      )}
    </span>
  )
}

/** The safety box at the top of a muscle's or point's page, most serious first. */
export function SafetyNotice({
  items,
  title = 'Safety'
}: {
  items: readonly { flag: SafetyFlag; text: string | null }[]
  title?: string
}) {
  if (items.length === 0) return null
  const order = bySeverity(items.map((item) => item.flag))
  const sorted = [...items].sort((a, b) => order.indexOf(a.flag) - order.indexOf(b.flag))
  return (
    <aside className="safety-notice" aria-label={title}>
      <h2 className="safety-notice__title">
        <span aria-hidden="true">⚠</span> {title}
      </h2>
      <ul className="safety-notice__list">
        {sorted.map((item, i) => (
          <li key={`${item.flag}-${i}`}>
            <strong>{safetyFlagLabel(item.flag)}.</strong> {item.text}
          </li>
        ))}
      </ul>
    </aside>
  )
}
