/**
 * Previous / "2 of 7" / Next; hidden for a list of one. At either end a button is marked
 * aria-disabled, not disabled, so the focus stays on it (a disabled button drops the focus out
 * of the dialog, and Escape with it).
 */
export function StepNav({
  index,
  count,
  noun,
  onGo
}: {
  index: number
  count: number
  noun: string
  onGo: (index: number) => void
}) {
  if (count < 2) return null
  return (
    <div className="explain__steps" role="group" aria-label={`Step through the ${noun}s`}>
      <button
        type="button"
        className="button"
        onClick={() => onGo(index - 1)}
        aria-disabled={index === 0}
        aria-label={`Previous ${noun}`}
      >
        ‹ Previous
      </button>
      <span className="explain__count" aria-live="polite">
        {index + 1} of {count}
      </span>
      <button
        type="button"
        className="button"
        onClick={() => onGo(index + 1)}
        aria-disabled={index === count - 1}
        aria-label={`Next ${noun}`}
      >
        Next ›
      </button>
    </div>
  )
}

/** The close button every patient view has in its top bar. */
export function CloseButton({ onClose }: { onClose: () => void }) {
  return (
    <button type="button" className="button explain__close" onClick={onClose}>
      Close <kbd aria-hidden="true">Esc</kbd>
    </button>
  )
}
