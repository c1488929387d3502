import type { MapMuscle } from '../../../../shared/api/atlas'
import { LANDMARKS } from '../../../../shared/atlas/landmarks'
import type { BodyView } from '../../../../shared/atlas/landmarks'
import type { PainMatch } from '../../../../shared/atlas/pain-search'
import { MUSCLE_REGION_LABELS } from '../../../../shared/atlas/regions'
import { EmptyState } from '../../components/states'
import { Link } from '../../lib/link'
import { atlasPaths } from './paths'
import { SafetyBadges } from './safety'
import './panels.css'

type Spot = { view: BodyView; x: number; y: number }

const landmarkValue = (l: { view: BodyView; x: number; y: number }) => `${l.view},${l.x},${l.y}`

/** The place a spot is nearest to, in words ("near Front of shoulder (right)"). */
function describeSpot(spot: Spot): string {
  let best: (typeof LANDMARKS)[number] | null = null
  let bestD = Infinity
  for (const l of LANDMARKS) {
    if (l.view !== spot.view) continue
    const d = Math.hypot(l.x - spot.x, l.y - spot.y)
    if (d < bestD) {
      bestD = d
      best = l
    }
  }
  const view = spot.view === 'front' ? 'front view' : 'back view'
  if (!best) return view
  return bestD < 8 ? `${best.label}, ${view}` : `near ${best.label.toLowerCase()}, ${view}`
}

/**
 * Search from pain: the spot (clicked on the map, or chosen from the list of landmarks for
 * keyboard users) and the muscles whose referred pain covers it, best match first.
 */
export function PainPanel({
  spot,
  candidates,
  regionLabel,
  onSpot,
  onFocusGroup
}: {
  spot: Spot | null
  candidates: readonly PainMatch<MapMuscle>[]
  regionLabel: string | null
  onSpot: (spot: Spot | null) => void
  onFocusGroup: (group: string | null) => void
}) {
  const selected = spot ? landmarkValue(spot) : ''
  const isLandmark = LANDMARKS.some((l) => landmarkValue(l) === selected)
  return (
    <div className="pain-panel">
      <p className="atlas-panel__intro">
        Click the figure where the patient feels the pain, or choose a place. The list shows the
        muscles whose referred pain reaches it; patterns drawn on one side count for both.
      </p>
      <label className="field">
        <span>Place</span>
        <select
          value={isLandmark ? selected : ''}
          onChange={(event) => {
            const [view, x, y] = event.target.value.split(',')
            if (view === 'front' || view === 'back') onSpot({ view, x: Number(x), y: Number(y) })
          }}
        >
          <option value="">
            {spot && !isLandmark ? 'The spot clicked on the map' : 'Choose a place…'}
          </option>
          {(['front', 'back'] as const).map((view) => (
            <optgroup key={view} label={view === 'front' ? 'Front' : 'Back'}>
              {LANDMARKS.filter((l) => l.view === view).map((l) => (
                <option key={l.id} value={landmarkValue(l)}>
                  {l.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      {spot === null ? null : (
        <div className="pain-panel__results">
          <div className="pain-panel__where">
            <p role="status">
              <strong>{describeSpot(spot)}</strong>
              {regionLabel && <> · {regionLabel} only</>} ·{' '}
              {candidates.length === 1 ? '1 candidate' : `${candidates.length} candidates`}
            </p>
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => onSpot(null)}
            >
              Clear
            </button>
          </div>
          {candidates.length === 0 ? (
            <EmptyState
              title="No referral zone reaches this spot."
              message="Try a spot close by, or the whole body if a region is chosen."
            />
          ) : (
            <ol className="candidate-list" aria-label="Candidate muscles">
              {candidates.map((c) => (
                <li
                  key={c.muscle.id}
                  className="candidate-list__item"
                  onMouseEnter={() => onFocusGroup(c.muscle.id)}
                  onMouseLeave={() => onFocusGroup(null)}
                >
                  <Link
                    to={atlasPaths.muscle(c.muscle.id, c.triggerPointIds[0])}
                    className="candidate-list__name"
                  >
                    {c.muscle.name}
                  </Link>
                  <span className="candidate-list__meta">
                    {c.distance <= 1
                      ? c.distance < 0.5
                        ? 'Centre of the pattern'
                        : 'Inside the pattern'
                      : 'At the edge'}
                    {c.zonesCovering > 1 && ` · ${c.zonesCovering} zones`}
                    {c.mirrored && ' · other side'} · {MUSCLE_REGION_LABELS[c.muscle.region]}
                  </span>
                  <SafetyBadges flags={c.muscle.flags} compact />
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </div>
  )
}
