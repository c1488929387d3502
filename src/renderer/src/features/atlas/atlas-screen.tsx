import { useMemo, useState } from 'react'
import type { CSSProperties } from 'react'
import type { MapMuscle, MuscleRegion } from '../../../../shared/api/atlas'
import type { BodyView } from '../../../../shared/atlas/landmarks'
import { isNerveRoot, sortRoots } from '../../../../shared/atlas/nerve-roots'
import type { NerveRoot } from '../../../../shared/atlas/nerve-roots'
import { searchFromPain } from '../../../../shared/atlas/pain-search'
import { MUSCLE_REGION_LABELS, MUSCLE_REGIONS } from '../../../../shared/atlas/regions'
import { lookupByRoots } from '../../../../shared/atlas/segmental'
import { ErrorState, Loading } from '../../components/states'
import { Link } from '../../lib/link'
import { navigate } from '../../lib/router'
import { useDocumentTitle } from '../../lib/use-document-title'
import { atlasExplainSubject } from '../explain/atlas-subject'
import { ExplainButton } from '../explain/explain-button'
import type { MapMarker, MapZone } from '../body-map/body-map'
import {
  acupointMarkers,
  formatSpot,
  parseSpot,
  referralZones,
  triggerPointMarkers
} from './map-model'
import type { PlacedPoint } from './map-model'
import { MusclesPanel } from './muscles-panel'
import { PainPanel } from './pain-panel'
import { atlasPaths, CAVEAT_ARTICLE_ID } from './paths'
import type { AtlasMode, AtlasQuery } from './paths'
import { RootsPanel } from './roots-panel'
import { TwoViews } from './two-views'
import { useAtlasMap } from './use-atlas-map'
import './atlas.css'

const MODES: readonly { mode: AtlasMode; label: string }[] = [
  { mode: 'muscles', label: 'Muscles' },
  { mode: 'pain', label: 'Where it hurts' },
  { mode: 'roots', label: 'Nerve roots' }
]

const ZOOMS = [1, 1.35, 1.8] as const

function readQuery(query: URLSearchParams) {
  const mode = query.get('mode')
  const region = query.get('region')
  return {
    mode: (mode === 'pain' || mode === 'roots' ? mode : 'muscles') as AtlasMode,
    region: (MUSCLE_REGIONS as readonly string[]).includes(region ?? '')
      ? (region as MuscleRegion)
      : null,
    roots: sortRoots((query.get('roots') ?? '').split(',').filter(isNerveRoot)),
    spot: parseSpot(query.get('spot')),
    zones: query.get('zones') === 'all',
    points: query.get('points') === '1'
  }
}

/**
 * The trigger-point atlas on the body map: browse muscles by region, search from where it hurts,
 * and look muscles up by nerve root (IMS). Everything the screen shows is in its address, so the
 * back button and a reload bring the same view back.
 */
export function AtlasScreen({ query }: { query: URLSearchParams }) {
  useDocumentTitle('Trigger-point atlas')
  const { state, reload } = useAtlasMap()
  const q = readQuery(query)
  const [focusGroup, setFocusGroup] = useState<string | null>(null)
  const [zoom, setZoom] = useState(0)

  const go = (patch: Partial<AtlasQuery>) => {
    const next: AtlasQuery = {
      mode: q.mode,
      region: q.region,
      roots: q.roots,
      spot: q.spot ? formatSpot(q.spot) : null,
      zones: q.zones,
      points: q.points,
      ...patch
    }
    void navigate(atlasPaths.atlas(next), { replace: true })
  }

  const muscles = state.status === 'ready' ? state.data.muscles : EMPTY_MUSCLES
  const points = state.status === 'ready' ? (state.data.acupoints as PlacedPoint[]) : EMPTY_POINTS
  const inRegion = useMemo(
    () => muscles.filter((m) => q.region === null || m.region === q.region),
    [muscles, q.region]
  )
  const candidates = useMemo(
    () => (q.mode === 'pain' && q.spot ? searchFromPain(q.spot, inRegion) : []),
    [q.mode, q.spot, inRegion]
  )
  const segmental = useMemo(
    () => (q.mode === 'roots' && q.roots.length > 0 ? lookupByRoots(q.roots, muscles) : null),
    [q.mode, q.roots, muscles]
  )

  const layers = (view: BodyView) => {
    const highlight = new Set<string>(
      q.mode === 'roots'
        ? (segmental?.muscles.map((m) => m.muscle.id) ?? [])
        : q.mode === 'pain'
          ? candidates.map((c) => c.muscle.id)
          : []
    )
    // Where it hurts: the figure is left clear to click on; once a spot is chosen, only the
    // candidates' trigger points are drawn (where to look for the cause).
    const shownMuscles = q.mode === 'pain' ? muscles.filter((m) => highlight.has(m.id)) : muscles
    const markers: MapMarker[] = [
      ...triggerPointMarkers(shownMuscles, view, {
        region: q.mode === 'roots' ? null : q.region,
        highlight,
        dimOthers: q.mode === 'roots' && highlight.size > 0
      }),
      ...(q.points ? acupointMarkers(points, view) : [])
    ]
    let zones: MapZone[]
    if (q.zones) {
      zones = referralZones(muscles, view, 'all', 'referral', q.region)
    } else if (q.mode === 'pain') {
      const top = candidates[0]?.muscle.id
      zones = referralZones(muscles, view, new Set(candidates.map((c) => c.muscle.id)), (id) =>
        id === focusGroup || id === top ? 'focus' : 'candidate'
      )
    } else {
      zones = []
    }
    if (focusGroup && !q.zones && q.mode !== 'pain') {
      zones = [...zones, ...referralZones(muscles, view, new Set([focusGroup]), 'focus')]
    }
    const bands =
      view === 'back' && segmental
        ? segmental.paraspinal.map((b) => ({ key: b.root, label: b.root, y0: b.y0, y1: b.y1 }))
        : []
    return { markers, zones, bands }
  }

  const onActivate = (marker: MapMarker) => {
    if (marker.kind === 'acupoint') {
      void navigate(atlasPaths.acupoint(marker.key.slice(3)))
      return
    }
    const tpId = marker.key.split(':')[1]
    void navigate(atlasPaths.muscle(marker.group, tpId))
  }

  return (
    <section className="screen screen--wide atlas" aria-labelledby="atlas-title">
      <div className="screen__header">
        <div>
          <h1 id="atlas-title">Trigger-point atlas</h1>
          <p className="screen__subtitle">
            Trigger points, their referred pain and their nerve roots. Patterns vary between
            patients:{' '}
            <Link to={atlasPaths.article(CAVEAT_ARTICLE_ID)}>the model and its limits</Link>.
          </p>
        </div>
        <ExplainButton
          subject={atlasExplainSubject({
            mode: q.mode,
            spot: q.spot,
            roots: q.roots,
            regionLabel: q.region ? MUSCLE_REGION_LABELS[q.region] : null,
            listed:
              q.mode === 'pain'
                ? candidates.map((c) => c.muscle)
                : q.mode === 'roots'
                  ? (segmental?.muscles.map((m) => m.muscle) ?? [])
                  : inRegion
          })}
        />
      </div>

      <div className="atlas__layout">
        <div className="atlas__map card">
          <div className="atlas__toolbar" role="group" aria-label="Map options">
            <label className="field field--inline">
              <span>Region</span>
              <select
                value={q.region ?? ''}
                onChange={(event) => go({ region: event.target.value || null })}
              >
                <option value="">Whole body</option>
                {MUSCLE_REGIONS.map((r) => (
                  <option key={r} value={r}>
                    {MUSCLE_REGION_LABELS[r]}
                  </option>
                ))}
              </select>
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={q.zones}
                onChange={(event) => go({ zones: event.target.checked })}
              />
              All zones
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={q.points}
                onChange={(event) => go({ points: event.target.checked })}
              />
              Acupoints
            </label>
          </div>
          <span className="atlas__zoom" role="group" aria-label="Map size">
            <button
              type="button"
              className="button button--small"
              onClick={() => setZoom((z) => Math.max(0, z - 1))}
              disabled={zoom === 0}
              aria-label="Smaller map"
            >
              −
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))}
              disabled={zoom === ZOOMS.length - 1}
              aria-label="Larger map"
            >
              +
            </button>
          </span>
          {state.status === 'loading' && <Loading label="Drawing the body map" />}
          {state.status === 'error' && (
            <ErrorState
              title="The atlas could not be loaded."
              error={state.error}
              onRetry={reload}
            />
          )}
          {state.status === 'ready' && (
            <div
              className={zoom === 0 ? 'atlas__views atlas__views--fit' : 'atlas__views'}
              style={{ '--map-scale': ZOOMS[zoom] } as CSSProperties}
            >
              <TwoViews
                front={layers('front')}
                back={layers('back')}
                spot={q.mode === 'pain' ? q.spot : null}
                onSpot={(view, x, y) => go({ mode: 'pain', spot: formatSpot({ view, x, y }) })}
                onActivate={onActivate}
                onFocusGroup={setFocusGroup}
                caption={<MapLegend mode={q.mode} points={q.points} />}
              />
            </div>
          )}
        </div>

        <div className="atlas__panel card">
          <nav className="tabs" aria-label="Atlas tools">
            {MODES.map(({ mode, label }) => (
              <Link
                key={mode}
                to={atlasPaths.atlas({ ...q, spot: q.spot ? formatSpot(q.spot) : null, mode })}
                className={q.mode === mode ? 'tab tab--active' : 'tab'}
                aria-current={q.mode === mode ? 'page' : undefined}
              >
                {label}
              </Link>
            ))}
          </nav>
          {state.status === 'ready' && q.mode === 'muscles' && (
            <MusclesPanel muscles={inRegion} onFocusGroup={setFocusGroup} />
          )}
          {state.status === 'ready' && q.mode === 'pain' && (
            <PainPanel
              spot={q.spot}
              candidates={candidates}
              regionLabel={q.region ? MUSCLE_REGION_LABELS[q.region] : null}
              onSpot={(spot) => go({ spot: spot ? formatSpot(spot) : null })}
              onFocusGroup={setFocusGroup}
            />
          )}
          {state.status === 'ready' && q.mode === 'roots' && (
            <RootsPanel
              roots={q.roots}
              result={segmental}
              onRoots={(roots: NerveRoot[]) => go({ roots })}
              onFocusGroup={setFocusGroup}
            />
          )}
        </div>
      </div>
    </section>
  )
}

const EMPTY_MUSCLES: MapMuscle[] = []
const EMPTY_POINTS: PlacedPoint[] = []

function MapLegend({ mode, points }: { mode: AtlasMode; points: boolean }) {
  return (
    <span className="map-legend">
      <span className="map-legend__item">
        <span className="map-legend__dot map-legend__dot--tp" aria-hidden="true" /> Trigger point
      </span>
      <span className="map-legend__item">
        <span className="map-legend__zone" aria-hidden="true" /> Referred pain
      </span>
      {points && (
        <span className="map-legend__item">
          <span className="map-legend__dot map-legend__dot--point" aria-hidden="true" /> Acupoint
        </span>
      )}
      {points && (
        <span className="map-legend__item">
          <span
            className="map-legend__dot map-legend__dot--point map-legend__dot--flagged"
            aria-hidden="true"
          />{' '}
          Acupoint with a safety flag
        </span>
      )}
      {mode === 'roots' && (
        <span className="map-legend__item">
          <span className="map-legend__band" aria-hidden="true" /> Paraspinal level
        </span>
      )}
      {mode === 'pain' && (
        <span className="map-legend__hint">Click the figure where it hurts.</span>
      )}
      {mode !== 'pain' && (
        <span className="map-legend__hint">Arrow keys move between markers; Enter opens.</span>
      )}
    </span>
  )
}
