import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { KeyboardEvent, MouseEvent } from 'react'
import type { SafetyFlag } from '../../../../shared/api/search'
import type { BodyView } from '../../../../shared/atlas/landmarks'
import { safetyFlagLabel } from '../../../../shared/atlas/regions'
import { bySeverity } from '../atlas/safety-order'
import { BodyFigure } from './body-figure'
import { MarkerTooltip } from './marker-tooltip'
import './body-map.css'

export const MAP_WIDTH = 400
export const MAP_HEIGHT = 1000

export type MarkerKind = 'trigger-point' | 'acupoint'
export type MarkerState = 'normal' | 'highlight' | 'dim' | 'selected'

export interface MapMarker {
  readonly key: string
  readonly kind: MarkerKind
  readonly x: number
  readonly y: number
  /** First line of the tooltip (the muscle, or the point's code and name). */
  readonly title: string
  /** Second line (the trigger point, or the English name). */
  readonly subtitle?: string
  readonly flags: readonly SafetyFlag[]
  readonly state?: MarkerState
  /** Markers of one muscle share a group: hovering one shows that muscle's zones. */
  readonly group: string
}

export type ZoneTone = 'referral' | 'candidate' | 'focus'

export interface MapZone {
  readonly key: string
  readonly cx: number
  readonly cy: number
  readonly rx: number
  readonly ry: number
  readonly rotate?: number | undefined
  readonly tone: ZoneTone
}

export interface MapBand {
  readonly key: string
  readonly label: string
  readonly y0: number
  readonly y1: number
}

interface BodyMapProps {
  readonly view: BodyView
  /** Accessible name of the view ("Front of the body"). */
  readonly label: string
  readonly markers: readonly MapMarker[]
  readonly zones?: readonly MapZone[]
  /** Paraspinal bands (back view). */
  readonly bands?: readonly MapBand[]
  /** Where the patient hurts (search from pain). */
  readonly spot?: { readonly x: number; readonly y: number } | null
  /** Clicking the figure (not a marker) picks a spot. */
  readonly onSpot?: (x: number, y: number) => void
  readonly onActivate?: (marker: MapMarker) => void
  /** The group under the pointer or the keyboard focus (null when none). */
  readonly onFocusGroup?: (group: string | null) => void
  readonly showLevels?: boolean
  readonly className?: string
}

/** "Infraspinatus, medial point. Pneumothorax risk." */
export function markerLabel(marker: MapMarker): string {
  const flags = bySeverity(marker.flags).map(safetyFlagLabel)
  return [marker.subtitle ? `${marker.title}: ${marker.subtitle}` : marker.title, ...flags].join(
    '. '
  )
}

/**
 * Marker sizes in CSS pixels, turned into viewBox units for the map's current size, so markers
 * look the same on a small map and a zoomed one; clamped so a tiny map is not all markers.
 */
const markerRadius = (px: number, unitsPerPx: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, px * unitsPerPx))

/** Reading order: top to bottom, then left to right (arrow keys follow it). */
const readingOrder = (a: MapMarker, b: MapMarker): number => a.y - b.y || a.x - b.x

/**
 * One view of the body map: the artwork, referred-pain zones as soft shaded ellipses, paraspinal
 * bands, and markers. The markers are one keyboard stop (arrow keys move between them, Enter opens);
 * hover and focus show a tooltip with the name and any safety flag.
 */
export function BodyMap({
  view,
  label,
  markers,
  zones = [],
  bands = [],
  spot = null,
  onSpot,
  onActivate,
  onFocusGroup,
  showLevels = true,
  className
}: BodyMapProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '')
  const svgRef = useRef<SVGSVGElement>(null)
  const ordered = useMemo(() => [...markers].sort(readingOrder), [markers])
  const [activeKey, setActiveKey] = useState<string | null>(null)
  const [tip, setTip] = useState<{ key: string; pinned: boolean } | null>(null)
  const tabKey = ordered.some((m) => m.key === activeKey) ? activeKey : (ordered[0]?.key ?? null)
  const tipMarker = tip ? ordered.find((m) => m.key === tip.key) : undefined
  const tipId = `${uid}-tip`
  const [unitsPerPx, setUnitsPerPx] = useState(1.6)

  useEffect(() => {
    const svg = svgRef.current
    if (!svg || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => {
      const width = svg.getBoundingClientRect().width
      if (width > 0) setUnitsPerPx(MAP_WIDTH / width)
    })
    observer.observe(svg)
    return () => observer.disconnect()
  }, [])
  const dotTp = markerRadius(3.8, unitsPerPx, 3.6, 8)
  const dotPoint = markerRadius(3.1, unitsPerPx, 3, 6.5)
  const ringGap = markerRadius(2.6, unitsPerPx, 2.6, 5.5)

  const show = (marker: MapMarker | null, pinned = false) => {
    setTip(marker ? { key: marker.key, pinned } : null)
    onFocusGroup?.(marker ? marker.group : null)
  }

  const focusMarker = (key: string) => {
    setActiveKey(key)
    const el = svgRef.current?.querySelector<SVGGElement>(`[data-marker-key="${cssEscape(key)}"]`)
    el?.focus()
  }

  const onMarkerKey = (event: KeyboardEvent<SVGGElement>, marker: MapMarker) => {
    const index = ordered.findIndex((m) => m.key === marker.key)
    let next: number | null = null
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = Math.min(ordered.length - 1, index + 1)
        break
      case 'ArrowLeft':
      case 'ArrowUp':
        next = Math.max(0, index - 1)
        break
      case 'Home':
        next = 0
        break
      case 'End':
        next = ordered.length - 1
        break
      case 'Enter':
      case ' ':
        event.preventDefault()
        onActivate?.(marker)
        return
      case 'Escape':
        show(null)
        return
      default:
        return
    }
    event.preventDefault()
    const target = ordered[next]
    if (target) focusMarker(target.key)
  }

  const onSvgClick = (event: MouseEvent<SVGSVGElement>) => {
    if (!onSpot || !svgRef.current) return
    if ((event.target as Element).closest('[data-marker-key]')) return
    const rect = svgRef.current.getBoundingClientRect()
    if (rect.width === 0 || rect.height === 0) return
    const x = ((event.clientX - rect.left) / rect.width) * MAP_WIDTH
    const y = ((event.clientY - rect.top) / rect.height) * MAP_HEIGHT
    onSpot(Math.round(x), Math.round(y))
  }

  return (
    <div className={className ? `body-map ${className}` : 'body-map'}>
      <svg
        ref={svgRef}
        className={onSpot ? 'body-map__svg body-map__svg--pickable' : 'body-map__svg'}
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="group"
        aria-label={label}
        onClick={onSvgClick}
        data-view={view}
      >
        <defs>
          <linearGradient id={`${uid}-skin`} x1="0" x2="1" y1="0" y2="0">
            <stop offset="0" stopColor="#e7ecee" />
            <stop offset="0.5" stopColor="#f7f9f9" />
            <stop offset="1" stopColor="#e7ecee" />
          </linearGradient>
          {(['referral', 'candidate', 'focus'] as const).map((tone) => (
            <radialGradient key={tone} id={`${uid}-zone-${tone}`}>
              <stop offset="0" className={`zone-stop zone-stop--${tone}-inner`} />
              <stop offset="1" className={`zone-stop zone-stop--${tone}-outer`} />
            </radialGradient>
          ))}
        </defs>
        <BodyFigure view={view} fillId={`${uid}-skin`} showLevels={showLevels} />
        {bands.length > 0 && (
          <g className="body-map__bands" aria-hidden="true">
            {bands.map((band, i) => (
              <g key={band.key}>
                <rect
                  className="body-map__band"
                  x={170}
                  y={band.y0}
                  width={60}
                  height={Math.max(2, band.y1 - band.y0)}
                  rx={2}
                />
                <text
                  className="body-map__band-label"
                  x={i % 2 === 0 ? 234 : 166}
                  y={(band.y0 + band.y1) / 2 + 5}
                  textAnchor={i % 2 === 0 ? 'start' : 'end'}
                >
                  {band.label}
                </text>
              </g>
            ))}
          </g>
        )}
        <g className="body-map__zones" aria-hidden="true">
          {zones.map((zone) => (
            <ellipse
              key={zone.key}
              className={`body-map__zone body-map__zone--${zone.tone}`}
              cx={zone.cx}
              cy={zone.cy}
              rx={zone.rx}
              ry={zone.ry}
              fill={`url(#${uid}-zone-${zone.tone})`}
              transform={zone.rotate ? `rotate(${zone.rotate} ${zone.cx} ${zone.cy})` : undefined}
            />
          ))}
        </g>
        <g className="body-map__markers">
          {ordered.map((marker) => (
            <g
              key={marker.key}
              data-marker-key={marker.key}
              className={`body-map__marker body-map__marker--${marker.kind} body-map__marker--${marker.state ?? 'normal'}${marker.flags.length > 0 ? ' body-map__marker--flagged' : ''}`}
              role="button"
              tabIndex={marker.key === tabKey ? 0 : -1}
              aria-label={markerLabel(marker)}
              aria-describedby={tip?.key === marker.key ? tipId : undefined}
              onClick={() => onActivate?.(marker)}
              onKeyDown={(event) => onMarkerKey(event, marker)}
              onFocus={() => {
                setActiveKey(marker.key)
                show(marker, true)
              }}
              onBlur={() => show(null)}
              onMouseEnter={() => show(marker)}
              onMouseLeave={() => {
                if (!tip?.pinned || tip.key !== marker.key) show(null)
              }}
            >
              <circle
                className="body-map__hit"
                cx={marker.x}
                cy={marker.y}
                r={(marker.kind === 'acupoint' ? dotPoint : dotTp) + ringGap * 0.6}
              />
              <circle
                className="body-map__ring"
                cx={marker.x}
                cy={marker.y}
                r={(marker.kind === 'acupoint' ? dotPoint : dotTp) + ringGap}
              />
              <circle
                className="body-map__dot"
                cx={marker.x}
                cy={marker.y}
                r={marker.kind === 'acupoint' ? dotPoint : dotTp}
              />
            </g>
          ))}
        </g>
        {spot && (
          <g className="body-map__spot" aria-hidden="true">
            <circle cx={spot.x} cy={spot.y} r={ringGap * 3.2} />
            <circle className="body-map__spot-centre" cx={spot.x} cy={spot.y} r={ringGap * 0.8} />
          </g>
        )}
      </svg>
      {tipMarker && (
        <MarkerTooltip
          id={tipId}
          marker={tipMarker}
          map={svgRef}
          dotSelector={`[data-marker-key="${cssEscape(tipMarker.key)}"] .body-map__dot`}
        />
      )}
    </div>
  )
}

const cssEscape = (value: string): string =>
  typeof CSS !== 'undefined' && typeof CSS.escape === 'function'
    ? CSS.escape(value)
    : value.replace(/["\\]/g, '\\$&')
