import { useState } from 'react'
import type { MapMuscle } from '../../../../shared/api/atlas'
import { formatRoots, NERVE_ROOTS } from '../../../../shared/atlas/nerve-roots'
import type { NerveRoot } from '../../../../shared/atlas/nerve-roots'
import type { SegmentalLookup } from '../../../../shared/atlas/segmental'
import { EmptyState } from '../../components/states'
import { Link } from '../../lib/link'
import { atlasPaths } from './paths'
import { SafetyBadges } from './safety'
import './panels.css'

const GROUPS: readonly { label: string; prefix: string }[] = [
  { label: 'Cervical', prefix: 'C' },
  { label: 'Thoracic', prefix: 'T' },
  { label: 'Lumbar', prefix: 'L' },
  { label: 'Sacral', prefix: 'S' }
]

const PRESETS: readonly { label: string; roots: NerveRoot[] }[] = [
  { label: 'C5–C6', roots: ['C5', 'C6'] },
  { label: 'C7–C8', roots: ['C7', 'C8'] },
  { label: 'L4–L5', roots: ['L4', 'L5'] },
  { label: 'L5–S1', roots: ['L5', 'S1'] }
]

/**
 * Segmental lookup for IMS: choose nerve roots; the muscles they supply are listed and ringed on
 * the map, and the paraspinal level of each root is shaded on the back view.
 */
export function RootsPanel({
  roots,
  result,
  onRoots,
  onFocusGroup
}: {
  roots: readonly NerveRoot[]
  result: SegmentalLookup<MapMuscle> | null
  onRoots: (roots: NerveRoot[]) => void
  onFocusGroup: (group: string | null) => void
}) {
  const chosen = new Set(roots)
  // With roots chosen, the chooser folds away so the muscles fill the panel (22 for C5–C6).
  const [choosing, setChoosing] = useState(roots.length === 0)
  const open = choosing || roots.length === 0
  const toggle = (root: NerveRoot) =>
    onRoots(NERVE_ROOTS.filter((r) => (r === root ? !chosen.has(r) : chosen.has(r))))
  return (
    <div className="roots-panel">
      {roots.length > 0 && (
        <div className="roots-panel__bar">
          {/* What was chosen and how many muscles it gives, in one line above the list. */}
          <p role="status" className="roots-panel__summary">
            <strong>{formatRoots(roots)}</strong>
            {result &&
              `: ${result.muscles.length === 1 ? '1 muscle' : `${result.muscles.length} muscles`}`}
          </p>
          <button
            type="button"
            className="button button--small"
            aria-expanded={open}
            aria-controls="roots-chooser"
            onClick={() => setChoosing(!open)}
          >
            {open ? 'Hide roots' : 'Change roots'}
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => {
              setChoosing(true)
              onRoots([])
            }}
          >
            Clear
          </button>
        </div>
      )}
      <div id="roots-chooser" hidden={!open}>
        <p className="atlas-panel__intro">
          Choose one or more nerve roots. In Gunn&apos;s IMS the paraspinal muscles at the same
          levels are treated with the limb muscles, so their level is shaded on the back view.
        </p>
        {GROUPS.map((group) => (
          <div
            key={group.prefix}
            className="roots-panel__group"
            role="group"
            aria-label={`${group.label} roots`}
          >
            <span className="roots-panel__label">{group.label}</span>
            {NERVE_ROOTS.filter((r) => r.startsWith(group.prefix)).map((root) => (
              <button
                key={root}
                type="button"
                className={chosen.has(root) ? 'chip chip--active chip--root' : 'chip chip--root'}
                aria-pressed={chosen.has(root)}
                onClick={() => toggle(root)}
              >
                {root}
              </button>
            ))}
          </div>
        ))}
        <div className="roots-panel__presets" role="group" aria-label="Common levels">
          <span className="roots-panel__label">Common</span>
          {PRESETS.map((preset) => (
            <button
              key={preset.label}
              type="button"
              className="button button--small"
              onClick={() => {
                setChoosing(false)
                onRoots(preset.roots)
              }}
            >
              {preset.label}
            </button>
          ))}
        </div>
      </div>
      {result && (
        <div className="roots-panel__results">
          <p className="roots-panel__paraspinal">
            <span className="map-legend__band" aria-hidden="true" /> Paraspinal muscles (multifidus,
            rotatores) beside the spinous processes at {formatRoots(result.roots)}
          </p>
          {result.muscles.length === 0 ? (
            <EmptyState title="No muscle in the atlas is supplied by these roots." />
          ) : (
            <ul className="candidate-list candidate-list--compact" aria-label="Muscles supplied">
              {result.muscles.map(({ muscle }) => (
                <li
                  key={muscle.id}
                  className="candidate-list__item"
                  onMouseEnter={() => onFocusGroup(muscle.id)}
                  onMouseLeave={() => onFocusGroup(null)}
                >
                  <span className="candidate-list__main">
                    <Link to={atlasPaths.muscle(muscle.id)} className="candidate-list__name">
                      {muscle.name}
                    </Link>
                    {/* Its roots when they are not just the ones chosen (then they say nothing). */}
                    {formatRoots(muscle.roots) !== formatRoots(result.roots) && (
                      <>
                        {' '}
                        <span className="candidate-list__meta">{formatRoots(muscle.roots)}</span>
                      </>
                    )}
                  </span>
                  <SafetyBadges flags={muscle.flags} compact />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  )
}
