import type { Acupoint } from '../../../../shared/api/atlas'
import { MERIDIAN_BY_CODE } from '../../../../shared/atlas/meridians'
import { Loading, OpenErrorScreen } from '../../components/states'
import { api } from '../../lib/api'
import { Link } from '../../lib/link'
import { useAsync } from '../../lib/use-async'
import { useDocumentTitle } from '../../lib/use-document-title'
import { ReferenceList } from '../article/reference-list'
import { acupointMarkers } from '../atlas/map-model'
import { atlasPaths } from '../atlas/paths'
import { SafetyBadges, SafetyNotice } from '../atlas/safety'
import { TwoViews } from '../atlas/two-views'
import { NotesPanel } from '../notes/notes-panel'
import { REGION_LABELS } from './labels'
import { CunReference, NeedlingSection } from './needling-section'
import '../atlas/atlas.css'
import '../atlas/muscle.css'
import './acupoints.css'

/** One point: names, channel, location in words and on the map, needling, safety flags, notes. */
export function AcupointScreen({ code }: { code: string }) {
  const { state, reload } = useAsync(() => api.acupoints.get({ code }), `acupoint:${code}`)
  useDocumentTitle(
    state.status === 'ready' ? `${state.data.code} ${state.data.pinyin}` : 'Acupoint'
  )
  if (state.status === 'loading') return <Loading label="Opening the point" />
  if (state.status === 'error') {
    return (
      <OpenErrorScreen
        missingTitle="There is no such point."
        failedTitle="The point could not be opened."
        error={state.error}
        onRetry={reload}
      >
        <p>
          <Link to={atlasPaths.acupoints()}>All acupoints</Link>
        </p>
      </OpenErrorScreen>
    )
  }
  return <AcupointView point={state.data} />
}

function AcupointView({ point }: { point: Acupoint }) {
  const channel = MERIDIAN_BY_CODE.get(point.meridian)
  const prev = point.number > 1 ? `${point.meridian}${point.number - 1}` : null
  const next =
    channel && point.number < channel.count ? `${point.meridian}${point.number + 1}` : null
  const placed = point.marker ? [{ ...point, marker: point.marker }] : []
  return (
    <article className="screen acupoint" aria-labelledby="acupoint-title">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={atlasPaths.acupoints()}>Acupoints</Link>
        <span aria-hidden="true"> › </span>
        <Link to={atlasPaths.acupoints({ meridian: point.meridian })}>
          {channel?.name ?? point.meridian} channel
        </Link>
      </nav>
      <header className="acupoint__header">
        <h1 id="acupoint-title">
          <span className="acupoint__code">{point.code}</span> {point.pinyin}
          {point.hanzi && (
            <>
              {' '}
              <span className="acupoint__hanzi" lang="zh-Hans">
                {point.hanzi}
              </span>
            </>
          )}
        </h1>
        <p className="screen__subtitle">
          {point.pinyinTones && <span lang="zh-Latn-pinyin">{point.pinyinTones} · </span>}
          {point.english} · point {point.number} of the {channel?.name ?? point.meridian} channel
        </p>
        {point.aliases.length > 0 && (
          <p className="acupoint__aliases">Also written {point.aliases.join(', ')}</p>
        )}
        <p className="muscle__meta">
          <span className="badge">{REGION_LABELS[point.region] ?? point.region}</span>
          <SafetyBadges flags={point.flags} />
        </p>
      </header>
      <SafetyNotice
        title="Safety"
        items={point.flags.map((flag, i) => ({ flag, text: i === 0 ? point.flagNotes : null }))}
      />
      <div className="acupoint__layout">
        <div>
          <section aria-labelledby="location-h">
            <h2 id="location-h">Location</h2>
            <p className="acupoint__location">{point.location}</p>
            <CunReference segments={point.cun} />
          </section>
          <NeedlingSection needling={point.needling} />
          <nav className="acupoint__steps" aria-label="Neighbouring points">
            {prev ? <Link to={atlasPaths.acupoint(prev)}>← {prev}</Link> : <span />}
            {next ? <Link to={atlasPaths.acupoint(next)}>{next} →</Link> : <span />}
          </nav>
          <ReferenceList references={point.references} />
        </div>
        <aside className="acupoint__map card" aria-label="On the body map">
          {point.marker ? (
            <TwoViews
              front={{ markers: acupointMarkers(placed, 'front', 'selected') }}
              back={{ markers: acupointMarkers(placed, 'back', 'selected') }}
              figureWidth={150}
              showLevels={false}
            />
          ) : (
            <p className="acupoint__unplaced">This point is not drawn on the body map yet.</p>
          )}
        </aside>
      </div>
      <NotesPanel
        targets={[{ kind: 'acupoint', id: point.code }]}
        newNoteTarget={{ kind: 'acupoint', id: point.code }}
        heading={`Your notes on ${point.code} ${point.pinyin}`}
      />
    </article>
  )
}
