import { memo } from 'react'
import { BACK_DETAILS, FRONT_DETAILS } from '../../../../shared/atlas/figure-details'
import { silhouettePath } from '../../../../shared/atlas/figure'
import type { BodyView } from '../../../../shared/atlas/landmarks'
import { SPINE_LEVEL_Y } from '../../../../shared/atlas/landmarks'

/** Levels labelled beside the spine on the back view (the others get a tick only). */
const LABELLED_LEVELS = new Set(['C7', 'T4', 'T8', 'T12', 'L4', 'S1'])

/**
 * The artwork of one view: silhouette, landmark lines and (back view) the spine with a tick at
 * every level from C1 to S2. Pure drawing: decorative for assistive technology, the markers on top
 * carry the meaning. Strokes do not scale, so the lines stay fine at any size and on paper.
 */
export const BodyFigure = memo(function BodyFigure({
  view,
  fillId,
  showLevels = true
}: {
  view: BodyView
  /** id of the gradient that fills the silhouette (unique per map). */
  fillId: string
  showLevels?: boolean
}) {
  const details = view === 'front' ? FRONT_DETAILS : BACK_DETAILS
  return (
    <g className="figure" aria-hidden="true">
      <path className="figure__body" d={silhouettePath(view)} fill={`url(#${fillId})`} />
      {details.map((detail, i) => (
        <path
          key={i}
          className={detail.weight === 'line' ? 'figure__line' : 'figure__line figure__line--faint'}
          d={detail.d}
        />
      ))}
      {view === 'back' && <Spine showLevels={showLevels} />}
    </g>
  )
})

function Spine({ showLevels }: { showLevels: boolean }) {
  const levels = Object.entries(SPINE_LEVEL_Y)
  const top = levels[0]?.[1] ?? 120
  const bottom = levels[levels.length - 1]?.[1] ?? 470
  return (
    <g className="figure__spine">
      <path className="figure__line figure__line--faint" d={`M200 ${top - 6} L200 ${bottom + 4}`} />
      {levels.map(([level, y]) => {
        const major = LABELLED_LEVELS.has(level)
        return (
          <g key={level}>
            <path
              className={major ? 'figure__tick figure__tick--major' : 'figure__tick'}
              d={`M${major ? 195 : 197} ${y} L${major ? 205 : 203} ${y}`}
            />
            {showLevels && major && (
              <text className="figure__level" x={185} y={y + 2.5} textAnchor="end">
                {level}
              </text>
            )}
          </g>
        )
      })}
    </g>
  )
}
