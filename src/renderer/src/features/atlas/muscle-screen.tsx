import { useState } from 'react'
import type { Muscle } from '../../../../shared/api/atlas'
import { toMapMuscle } from '../../../../shared/atlas/map-muscle'
import { formatRoots } from '../../../../shared/atlas/nerve-roots'
import { MUSCLE_REGION_LABELS } from '../../../../shared/atlas/regions'
import { Loading, OpenErrorScreen } from '../../components/states'
import { api } from '../../lib/api'
import { Link } from '../../lib/link'
import { useAsync } from '../../lib/use-async'
import { useDocumentTitle } from '../../lib/use-document-title'
import { ReferenceList } from '../article/reference-list'
import { ExplainButton } from '../explain/explain-button'
import { NotesPanel } from '../notes/notes-panel'
import { referralZones, triggerPointMarkers } from './map-model'
import { atlasPaths, CAVEAT_ARTICLE_ID } from './paths'
import { SafetyBadges, SafetyNotice } from './safety'
import { TwoViews } from './two-views'
import './atlas.css'
import './muscle.css'

/** One muscle: what it does, its supply, its trigger points on the map, needling and safety. */
export function MuscleScreen({ id, tp }: { id: string; tp: string | null }) {
  const { state, reload } = useAsync(() => api.atlas.muscle({ id }), `muscle:${id}`)
  useDocumentTitle(state.status === 'ready' ? state.data.name : 'Muscle')
  if (state.status === 'loading') return <Loading label="Opening the muscle" />
  if (state.status === 'error') {
    return (
      <OpenErrorScreen
        missingTitle="This muscle is not in the atlas."
        failedTitle="The muscle could not be opened."
        error={state.error}
        onRetry={reload}
      >
        <p>
          <Link to={atlasPaths.atlas()}>Back to the atlas</Link>
        </p>
      </OpenErrorScreen>
    )
  }
  return <MuscleView muscle={state.data} initialTp={tp} />
}

function MuscleView({ muscle, initialTp }: { muscle: Muscle; initialTp: string | null }) {
  const [selected, setSelected] = useState<string | null>(
    muscle.triggerPoints.some((t) => t.id === initialTp) ? initialTp : null
  )
  const map = [toMapMuscle(muscle, muscle.flags)]
  const zonesFor = (view: 'front' | 'back') =>
    map[0]!.triggerPoints.flatMap((tp) =>
      referralZones(
        [{ ...map[0]!, triggerPoints: [tp] }],
        view,
        new Set([muscle.id]),
        selected === null || selected === tp.id ? 'focus' : 'referral'
      ).filter(() => selected === null || selected === tp.id)
    )
  const layers = (view: 'front' | 'back') => ({
    markers: triggerPointMarkers(map, view, { selectedTriggerPoint: selected }),
    zones: zonesFor(view)
  })
  const roots = muscle.innervation.roots
  const targets = [
    { kind: 'muscle' as const, id: muscle.id },
    ...muscle.triggerPoints.map((t) => ({ kind: 'trigger-point' as const, id: t.id }))
  ]

  return (
    <article className="screen screen--wide muscle" aria-labelledby="muscle-title">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={atlasPaths.atlas()}>Atlas</Link>
        <span aria-hidden="true"> › </span>
        <Link to={atlasPaths.atlas({ region: muscle.region })}>
          {MUSCLE_REGION_LABELS[muscle.region]}
        </Link>
      </nav>
      <header className="muscle__header">
        <h1 id="muscle-title">{muscle.name}</h1>
        {muscle.aliases.length > 0 && (
          <p className="screen__subtitle">Also called {muscle.aliases.join(', ')}</p>
        )}
        <p className="muscle__meta">
          <span className="badge">{MUSCLE_REGION_LABELS[muscle.region]}</span>
          {roots.length > 0 && (
            <Link to={atlasPaths.roots(roots)} className="badge badge--roots">
              {formatRoots(roots)}
            </Link>
          )}
          <SafetyBadges flags={muscle.flags} />
        </p>
        <ExplainButton subject={{ kind: 'muscles', ids: [muscle.id] }} />
      </header>

      <SafetyNotice items={muscle.safety} />

      <div className="muscle__layout">
        <div className="muscle__text">
          <section aria-labelledby="action-h">
            <h2 id="action-h">Action</h2>
            <p>{muscle.action}</p>
          </section>
          <section aria-labelledby="supply-h">
            <h2 id="supply-h">Innervation</h2>
            <p>{muscle.innervation.nerve}</p>
            {roots.length > 0 && (
              <p className="muscle__segments">
                Segments <strong>{formatRoots(roots)}</strong> ·{' '}
                <Link to={atlasPaths.roots(roots)}>other muscles of these roots</Link>
              </p>
            )}
          </section>
          <section aria-labelledby="tp-h">
            <h2 id="tp-h">Trigger points</h2>
            <ol className="tp-list">
              {muscle.triggerPoints.map((tp) => (
                <li
                  key={tp.id}
                  id={`tp-${tp.id}`}
                  className={
                    selected === tp.id ? 'tp-list__item tp-list__item--selected' : 'tp-list__item'
                  }
                >
                  <h3 className="tp-list__name">
                    <button
                      type="button"
                      className="tp-list__toggle"
                      aria-pressed={selected === tp.id}
                      onClick={() => setSelected((s) => (s === tp.id ? null : tp.id))}
                    >
                      {tp.name}
                    </button>
                  </h3>
                  <dl className="tp-list__facts">
                    <dt>Where</dt>
                    <dd>{tp.location}</dd>
                    <dt>Referred pain</dt>
                    <dd>{tp.referral.description}</dd>
                    {tp.symptoms.length > 0 && (
                      <>
                        <dt>Symptoms</dt>
                        <dd>
                          <ul>
                            {tp.symptoms.map((s, i) => (
                              <li key={i}>{s}</li>
                            ))}
                          </ul>
                        </dd>
                      </>
                    )}
                  </dl>
                </li>
              ))}
            </ol>
            <p className="muscle__caveat">
              Referral patterns are typical, not fixed: they vary between patients, and the
              trigger-point model itself is debated. See{' '}
              <Link to={atlasPaths.article(CAVEAT_ARTICLE_ID)}>
                The trigger-point model and its limits
              </Link>
              .
            </p>
          </section>
          <section aria-labelledby="needling-h">
            <h2 id="needling-h">Needling</h2>
            <dl className="facts">
              <dt>Position</dt>
              <dd>{muscle.needling.position}</dd>
              <dt>Approach</dt>
              <dd>{muscle.needling.approach}</dd>
              <dt>Cautions</dt>
              <dd className="facts__caution">{muscle.needling.cautions}</dd>
            </dl>
          </section>
          {/* The practitioner's own notes come before the references: they are read far more. */}
          <NotesPanel
            targets={targets}
            newNoteTarget={{ kind: 'muscle', id: muscle.id }}
            targetOptions={[
              { kind: 'muscle', id: muscle.id, label: muscle.name },
              ...muscle.triggerPoints.map((t) => ({
                kind: 'trigger-point' as const,
                id: t.id,
                label: t.name
              }))
            ]}
            heading={`Your notes on ${muscle.name}`}
          />
          <ReferenceList references={muscle.references} />
        </div>
        <aside
          className="muscle__map card"
          aria-label="Trigger points and referred pain on the body map"
        >
          <TwoViews
            front={layers('front')}
            back={layers('back')}
            figureWidth={170}
            showLevels={false}
            onActivate={(marker) => {
              const id = marker.key.split(':')[1] ?? null
              setSelected(id)
              document.getElementById(`tp-${id}`)?.scrollIntoView?.({ block: 'nearest' })
            }}
            caption={
              selected
                ? `Showing ${muscle.triggerPoints.find((t) => t.id === selected)?.name ?? ''}. Choose it again to show all.`
                : 'Red dots: trigger points. Shaded: where they refer pain.'
            }
          />
        </aside>
      </div>
    </article>
  )
}
