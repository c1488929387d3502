import type { MapMuscle } from '../../../../shared/api/atlas'
import { formatRoots } from '../../../../shared/atlas/nerve-roots'
import { MUSCLE_REGION_LABELS, MUSCLE_REGIONS } from '../../../../shared/atlas/regions'
import { EmptyState } from '../../components/states'
import { Link } from '../../lib/link'
import { atlasPaths } from './paths'
import { SafetyBadges } from './safety'
import './panels.css'

/** Every muscle (of the chosen region), grouped by region; hovering one shows its zones. */
export function MusclesPanel({
  muscles,
  onFocusGroup
}: {
  muscles: readonly MapMuscle[]
  onFocusGroup: (group: string | null) => void
}) {
  if (muscles.length === 0) return <EmptyState title="No muscles in this region." />
  return (
    <div className="atlas-list" aria-label="Muscles">
      {MUSCLE_REGIONS.map((region) => {
        const group = muscles
          .filter((m) => m.region === region)
          .sort((a, b) => a.name.localeCompare(b.name))
        if (group.length === 0) return null
        return (
          <section
            key={region}
            className="atlas-list__group"
            aria-label={MUSCLE_REGION_LABELS[region]}
          >
            <h2 className="atlas-list__heading">{MUSCLE_REGION_LABELS[region]}</h2>
            <ul className="atlas-list__items">
              {group.map((m) => (
                <li
                  key={m.id}
                  onMouseEnter={() => onFocusGroup(m.id)}
                  onMouseLeave={() => onFocusGroup(null)}
                >
                  <Link
                    to={atlasPaths.muscle(m.id)}
                    className="atlas-list__link"
                    onFocus={() => onFocusGroup(m.id)}
                    onBlur={() => onFocusGroup(null)}
                  >
                    {m.name}
                  </Link>
                  <span className="atlas-list__meta">
                    {m.roots.length > 0 ? formatRoots(m.roots) : 'Cranial nerve'}
                  </span>
                  <SafetyBadges flags={m.flags} compact />
                </li>
              ))}
            </ul>
          </section>
        )
      })}
    </div>
  )
}
