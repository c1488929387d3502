import { useLayoutEffect, useRef, useState } from 'react'
import type { RefObject } from 'react'
import { safetyFlagLabel } from '../../../../shared/atlas/regions'
import { bySeverity } from '../atlas/safety-order'
import type { MapMarker } from './body-map'
import { placeTooltip } from './tooltip-place'

/**
 * A marker's name and safety flags, fixed to the window beside the marker (placeTooltip), so no
 * scroll box or window edge cuts it off. It follows the marker when anything scrolls.
 */
export function MarkerTooltip({
  id,
  marker,
  map,
  dotSelector
}: {
  id: string
  marker: MapMarker
  /** The map the marker is drawn on, and the CSS selector of the marker's dot in it. */
  map: RefObject<SVGSVGElement | null>
  dotSelector: string
}) {
  const ref = useRef<HTMLDivElement>(null)
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null)

  useLayoutEffect(() => {
    const update = () => {
      const tip = ref.current
      const dot = map.current?.querySelector(dotSelector)
      if (!tip || !dot) return
      const root = document.documentElement
      setPlace(
        placeTooltip(dot.getBoundingClientRect(), tip.getBoundingClientRect(), {
          width: root.clientWidth,
          height: root.clientHeight
        })
      )
    }
    update()
    window.addEventListener('scroll', update, true)
    window.addEventListener('resize', update)
    return () => {
      window.removeEventListener('scroll', update, true)
      window.removeEventListener('resize', update)
    }
  }, [map, dotSelector])

  return (
    <div
      ref={ref}
      id={id}
      className="body-map__tooltip"
      role="tooltip"
      style={place ? { left: place.left, top: place.top } : { left: 0, top: 0, opacity: 0 }}
    >
      <strong>{marker.title}</strong>
      {marker.subtitle && <span>{marker.subtitle}</span>}
      {bySeverity(marker.flags).map((flag) => (
        <span key={flag} className="badge badge--flag">
          {safetyFlagLabel(flag)}
        </span>
      ))}
    </div>
  )
}
