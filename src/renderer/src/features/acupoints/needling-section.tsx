import type { Acupoint } from '../../../../shared/api/atlas'
import { describeCunSegment } from '../../../../shared/atlas/cun'
import { capitalize, describeAngles, describeDepth } from '../../../../shared/atlas/needling'

/** The proportional-cun measures a point's location is counted on, under the location. */
export function CunReference({ segments }: { segments: Acupoint['cun'] }) {
  if (segments.length === 0) return null
  return (
    <div className="acupoint__cun">
      <h3 id="cun-h">Measured in proportional cun</h3>
      <ul aria-labelledby="cun-h">
        {segments.map((key) => (
          <li key={key}>{describeCunSegment(key)}</li>
        ))}
      </ul>
    </div>
  )
}

/**
 * Angle, direction and depth, with the caution set apart so it cannot be read past; a clinic's
 * own point without needling data gets no section (its safety flags still show at the top).
 */
export function NeedlingSection({ needling }: { needling: Acupoint['needling'] }) {
  if (!needling) return null
  return (
    <section className="acupoint__needling" aria-labelledby="needling-h">
      <h2 id="needling-h">Needling</h2>
      {needling.needled ? (
        <dl className="acupoint__facts">
          <div>
            <dt>Angle</dt>
            <dd>{describeAngles(needling.angles)}</dd>
          </div>
          {needling.depth && (
            <div>
              <dt>Depth</dt>
              <dd>{describeDepth(needling.depth)}</dd>
            </div>
          )}
          {needling.direction && (
            <div className="acupoint__fact--wide">
              <dt>Direction</dt>
              <dd>{capitalize(needling.direction)}</dd>
            </div>
          )}
        </dl>
      ) : (
        <p className="acupoint__not-needled">
          <strong>Not needled.</strong>
        </p>
      )}
      {needling.caution && (
        <p className="acupoint__caution" role="note" aria-label="Needling caution">
          <span aria-hidden="true">⚠ </span>
          <strong>Caution:</strong> {needling.caution}
        </p>
      )}
      {needling.note && <p className="acupoint__needling-note">{needling.note}</p>}
      {needling.needled && (
        <p className="acupoint__disclaimer">
          Depths are typical adult ranges; adjust them to the patient’s build.
        </p>
      )}
    </section>
  )
}
