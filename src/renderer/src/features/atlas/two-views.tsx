import type { ReactNode } from 'react'
import type { BodyView } from '../../../../shared/atlas/landmarks'
import { BodyMap } from '../body-map/body-map'
import type { MapBand, MapMarker, MapZone } from '../body-map/body-map'
import './two-views.css'

export interface ViewLayers {
  readonly markers: readonly MapMarker[]
  readonly zones?: readonly MapZone[]
  readonly bands?: readonly MapBand[]
}

interface TwoViewsProps {
  readonly front: ViewLayers
  readonly back: ViewLayers
  readonly spot?: { view: BodyView; x: number; y: number } | null
  readonly onSpot?: (view: BodyView, x: number, y: number) => void
  readonly onActivate?: (marker: MapMarker) => void
  readonly onFocusGroup?: (group: string | null) => void
  /** Width of each figure in CSS px (the map zooms by changing it). */
  readonly figureWidth?: number
  readonly caption?: ReactNode
  readonly showLevels?: boolean
}

const VIEWS: readonly {
  view: BodyView
  title: string
  label: string
  left: string
  right: string
}[] = [
  { view: 'front', title: 'Front', label: 'Front of the body', left: 'R', right: 'L' },
  { view: 'back', title: 'Back', label: 'Back of the body', left: 'L', right: 'R' }
]

/**
 * Front and back side by side, each with the patient's right and left marked (the front view
 * shows the patient's right on the viewer's left; the back view the other way round).
 */
export function TwoViews({
  front,
  back,
  spot = null,
  onSpot,
  onActivate,
  onFocusGroup,
  figureWidth,
  caption,
  showLevels
}: TwoViewsProps) {
  return (
    <figure className="two-views">
      <div className="two-views__row">
        {VIEWS.map(({ view, title, label, left, right }) => {
          const layers = view === 'front' ? front : back
          return (
            <div
              key={view}
              className="two-views__view"
              style={figureWidth ? { width: `${figureWidth}px` } : undefined}
            >
              <div className="two-views__head" aria-hidden="true">
                <span title={left === 'R' ? "Patient's right" : "Patient's left"}>{left}</span>
                <span className="two-views__title">{title}</span>
                <span title={right === 'R' ? "Patient's right" : "Patient's left"}>{right}</span>
              </div>
              <BodyMap
                view={view}
                label={`${label} (patient's right on the ${left === 'R' ? 'left' : 'right'})`}
                markers={layers.markers}
                zones={layers.zones ?? []}
                bands={layers.bands ?? []}
                spot={spot && spot.view === view ? spot : null}
                onSpot={onSpot ? (x, y) => onSpot(view, x, y) : undefined}
                onActivate={onActivate}
                onFocusGroup={onFocusGroup}
                showLevels={showLevels}
              />
            </div>
          )
        })}
      </div>
      {caption && <figcaption className="two-views__caption">{caption}</figcaption>}
    </figure>
  )
}
