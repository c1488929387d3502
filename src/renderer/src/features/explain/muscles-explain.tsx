import { useState } from 'react'
import type { MapMuscle } from '../../../../shared/api/atlas'
import {
  EXPLAIN_NOTE,
  explainViews,
  LEGEND_SPOT,
  LEGEND_ZONE,
  patientMuscleName,
  SHEET_TITLE,
  VIEW_WORDS
} from '../../../../shared/atlas/patient-words'
import { ErrorState, Loading } from '../../components/states'
import { api } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { BodyMap } from '../body-map/body-map'
import type { MapMarker } from '../body-map/body-map'
import { referralZones, triggerPointMarkers } from '../atlas/map-model'
import { useAtlasMap } from '../atlas/use-atlas-map'
import { CloseButton, StepNav } from './explain-bar'
import type { ExplainSubject } from './explain-store'
import { useStepper } from './use-stepper'

type MusclesSubject = Extract<ExplainSubject, { kind: 'muscles' }>

/**
 * One muscle at a time, from the body map's data (loaded once for the atlas). The bar stays the
 * same element while the data loads, so the focus the dialog gave it is not lost.
 */
export function MusclesExplain({
  subject,
  titleId,
  onClose
}: {
  subject: MusclesSubject
  titleId: string
  onClose: () => void
}) {
  const { state, reload } = useAtlasMap()
  const byId = new Map((state.status === 'ready' ? state.data.muscles : []).map((m) => [m.id, m]))
  const muscles = subject.ids.flatMap((id) => byId.get(id) ?? [])
  const { index, go, onKeyDown } = useStepper(muscles.length, subject.start ?? 0)
  const muscle = muscles[index]
  return (
    <div className="explain__frame" onKeyDown={onKeyDown}>
      <div className="explain__bar">
        <div className="explain__heading">
          {subject.context && <p className="explain__context">{subject.context}</p>}
          <h2 id={titleId}>{SHEET_TITLE}</h2>
        </div>
        <StepNav index={index} count={muscles.length} noun="muscle" onGo={go} />
        {muscle && <PrintActions muscleId={muscle.id} />}
        <CloseButton onClose={onClose} />
      </div>
      {state.status === 'loading' && <Loading label="Drawing the body map" />}
      {state.status === 'error' && (
        <ErrorState
          title="The body map could not be loaded."
          error={state.error}
          onRetry={reload}
        />
      )}
      {state.status === 'ready' &&
        (muscle ? (
          <MuscleFigure muscle={muscle} spot={subject.spot ?? null} />
        ) : (
          <p className="explain__empty">There is no muscle to show.</p>
        ))}
    </div>
  )
}

function MuscleFigure({
  muscle,
  spot
}: {
  muscle: MapMuscle
  spot: MusclesSubject['spot'] | null
}) {
  const name = patientMuscleName(muscle)
  const views = explainViews(muscle)
  return (
    <div className="explain__muscle">
      <p className="explain__name" aria-live="polite">
        {name}
      </p>
      <div className="explain__views">
        {views.map((view) => {
          const words = VIEW_WORDS[view]
          // Plain markers: no safety flags, nothing to open; the tooltip says what a dot is.
          const markers: MapMarker[] = triggerPointMarkers([muscle], view).map((marker) => ({
            ...marker,
            title: LEGEND_SPOT,
            subtitle: undefined,
            flags: [],
            state: 'selected'
          }))
          return (
            <figure key={view} className="explain__view">
              <figcaption className="explain__view-head">
                <span>{words.left}</span>
                <strong>{words.title}</strong>
                <span>{words.right}</span>
              </figcaption>
              <BodyMap
                view={view}
                label={`${words.title} of the body: ${name}`}
                markers={markers}
                zones={referralZones([muscle], view, 'all', 'focus')}
                spot={spot && spot.view === view ? spot : null}
                showLevels={false}
              />
            </figure>
          )
        })}
      </div>
      <ul className="explain__legend">
        <li>
          <span className="explain__key explain__key--spot" aria-hidden="true" /> {LEGEND_SPOT}
        </li>
        <li>
          <span className="explain__key explain__key--zone" aria-hidden="true" /> {LEGEND_ZONE}
        </li>
      </ul>
      <p className="explain__note">{EXPLAIN_NOTE}</p>
    </div>
  )
}

const PRINT_ACTIONS = [
  { action: 'print', label: 'Print this page' },
  { action: 'savePdf', label: 'Save as PDF' }
] as const

/** "Print this page" and "Save as PDF": the one-page sheet, through the handouts' pipeline. */
function PrintActions({ muscleId }: { muscleId: string }) {
  // Kept with the muscle it is about: stepping on shows no stale "Saved" (and keeps the focus).
  const [saved, setStatus] = useState({ muscleId, busy: false, text: '' })
  const status = saved.muscleId === muscleId ? saved : { busy: false, text: '' }
  const run = (action: 'print' | 'savePdf') => {
    if (status.busy) return
    setStatus({ muscleId, busy: true, text: action === 'print' ? 'Printing…' : 'Saving…' })
    api.explain[action]({ muscleId }).then(
      (result) =>
        setStatus({
          muscleId,
          busy: false,
          text:
            result.status === 'cancelled'
              ? ''
              : result.status === 'printed'
                ? 'Sent to the printer.'
                : `Saved: ${result.path ?? ''}`
        }),
      (error: unknown) => setStatus({ muscleId, busy: false, text: errorMessage(error) })
    )
  }
  return (
    <div className="explain__print">
      {PRINT_ACTIONS.map(({ action, label }) => (
        <button
          key={action}
          type="button"
          className="button"
          aria-disabled={status.busy}
          onClick={() => run(action)}
        >
          {label}
        </button>
      ))}
      <span className="explain__print-status" role="status">
        {status.text}
      </span>
    </div>
  )
}
