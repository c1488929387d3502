import { useMemo } from 'react'
import type { AcupointSummary } from '../../../../shared/api/atlas'
import { findAcupoints } from '../../../../shared/atlas/acupoint-code'
import { MERIDIANS } from '../../../../shared/atlas/meridians'
import { EmptyState, ErrorState, SkeletonList } from '../../components/states'
import { api } from '../../lib/api'
import { Link } from '../../lib/link'
import { navigate } from '../../lib/router'
import { useAsync } from '../../lib/use-async'
import { useDocumentTitle } from '../../lib/use-document-title'
import { atlasPaths } from '../atlas/paths'
import { SafetyBadges } from '../atlas/safety'
import { REGION_LABELS } from './labels'
import './acupoints.css'

let allPoints: Promise<AcupointSummary[]> | null = null
const loadAll = () => {
  allPoints ??= api.acupoints.list({}).catch((error: unknown) => {
    allPoints = null
    throw error
  })
  return allPoints
}

/** The 361 points: browse by channel, or find one by code, pinyin or English name. */
export function AcupointsScreen({ query }: { query: URLSearchParams }) {
  useDocumentTitle('Acupoints')
  const meridian = query.get('meridian')
  const text = query.get('q') ?? ''
  const { state, reload } = useAsync(loadAll, 'acupoints')
  const channel = MERIDIANS.find((m) => m.code === meridian) ?? null

  const shown = useMemo(() => {
    if (state.status !== 'ready') return []
    if (text.trim() !== '') return findAcupoints(text, state.data)
    return channel ? state.data.filter((p) => p.meridian === channel.code) : state.data
  }, [state, text, channel])

  const set = (patch: { meridian?: string; q?: string }) =>
    void navigate(
      atlasPaths.acupoints({
        meridian: 'meridian' in patch ? patch.meridian : (channel?.code ?? undefined),
        q: 'q' in patch ? patch.q : text || undefined
      }),
      { replace: true }
    )

  return (
    <section className="screen acupoints" aria-labelledby="acupoints-title">
      <div className="screen__header">
        <div>
          <h1 id="acupoints-title">Acupoints</h1>
          <p className="screen__subtitle">
            The 361 classical points with their location, region and safety flags.
          </p>
        </div>
      </div>
      <div className="filters">
        <label className="field field--grow">
          <span>Find a point</span>
          <input
            type="search"
            value={text}
            placeholder="LI4, li 4, Hegu, Joining Valley…"
            onChange={(event) => set({ q: event.target.value || undefined })}
          />
        </label>
        <div className="filters__row" role="group" aria-label="Channel">
          <button
            type="button"
            className={channel === null ? 'chip chip--active' : 'chip'}
            aria-pressed={channel === null}
            onClick={() => set({ meridian: undefined, q: undefined })}
          >
            All
          </button>
          {MERIDIANS.map((m) => (
            <button
              key={m.code}
              type="button"
              className={channel?.code === m.code ? 'chip chip--active' : 'chip'}
              aria-pressed={channel?.code === m.code}
              title={m.name}
              onClick={() => set({ meridian: m.code, q: undefined })}
            >
              {m.code} <span className="chip__count">{m.count}</span>
            </button>
          ))}
        </div>
      </div>
      {state.status === 'loading' && <SkeletonList label="Loading the points" />}
      {state.status === 'error' && (
        <ErrorState title="The points could not be loaded." error={state.error} onRetry={reload} />
      )}
      {state.status === 'ready' && (
        <>
          <h2 className="acupoints__heading" aria-live="polite">
            {text.trim() !== ''
              ? `${shown.length} ${shown.length === 1 ? 'point matches' : 'points match'} “${text.trim()}”`
              : channel
                ? `${channel.name} channel (${channel.code}), ${shown.length} points`
                : `All channels, ${shown.length} points`}
          </h2>
          {shown.length === 0 ? (
            <EmptyState
              title="No point matches."
              message="Try the code (LI4), the pinyin (Hegu) or the English name (Joining Valley)."
            />
          ) : (
            <table className="point-table">
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">Pinyin</th>
                  <th scope="col">English</th>
                  <th scope="col">Region</th>
                  <th scope="col">Safety</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <tr key={p.code}>
                    <th scope="row">
                      <Link to={atlasPaths.acupoint(p.code)}>{p.code}</Link>
                    </th>
                    <td>{p.pinyin}</td>
                    <td>{p.english}</td>
                    <td>{REGION_LABELS[p.region] ?? p.region}</td>
                    <td>
                      <SafetyBadges flags={p.flags} compact />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  )
}
