import { useState } from 'react'
import { MOD_LABEL } from '../../lib/keys'
import type { ExplainSubject } from './explain-store'
import { openExplain, useOfferExplain } from './explain-store'

/** Two subjects with the same key show the same thing (screens build a new object each render). */
function subjectKey(subject: ExplainSubject | null): string {
  if (subject === null) return ''
  if (subject.kind === 'figures') return `figures\u0000${subject.title}`
  const spot = subject.spot ? `${subject.spot.view},${subject.spot.x},${subject.spot.y}` : ''
  return ['muscles', subject.ids.join(','), subject.start ?? 0, subject.context ?? '', spot].join(
    '\u0000'
  )
}

/**
 * "Show the patient": opens explain mode on what this screen shows, and offers it to the global
 * key (Ctrl/Cmd + E) while the screen is up. Nothing to show (an empty list): no button.
 */
export function ExplainButton({
  subject,
  label = 'Show the patient'
}: {
  subject: ExplainSubject | null
  label?: string
}) {
  const [stable, setStable] = useState(subject)
  if (subjectKey(stable) !== subjectKey(subject)) setStable(subject)
  useOfferExplain(stable)
  if (stable === null) return null
  return (
    <button
      type="button"
      className="button explain-button"
      aria-keyshortcuts="Control+E Meta+E"
      title={`${label} (${MOD_LABEL}+E)`}
      onClick={() => openExplain(stable)}
    >
      {label}
    </button>
  )
}
