import { useLayoutEffect, useRef, useState } from 'react'
import { CloseButton, StepNav } from './explain-bar'
import type { ExplainSubject } from './explain-store'
import { useStepper } from './use-stepper'

type FiguresSubject = Extract<ExplainSubject, { kind: 'figures' }>

/**
 * An article's figures at full size, fitted to the window. Each is a copy of the drawn (already
 * sanitized) figure on the page, so nothing is drawn or fetched again.
 */
export function FiguresExplain({
  subject,
  titleId,
  onClose
}: {
  subject: FiguresSubject
  titleId: string
  onClose: () => void
}) {
  const [figures] = useState(subject.figures)
  // A tall flowchart fitted to the screen has tiny text: the width of the window, scrolled, reads.
  const [fitWidth, setFitWidth] = useState(false)
  const { index, go, onKeyDown } = useStepper(figures.length)
  const holder = useRef<HTMLDivElement>(null)

  useLayoutEffect(() => {
    const figure = figures[index]
    if (!holder.current) return
    const copy = figure?.cloneNode(true)
    // The article's zoom sets the drawing's size inline; here the window decides it.
    if (copy instanceof Element) copy.removeAttribute('style')
    holder.current.replaceChildren(...(copy ? [copy] : []))
  }, [figures, index])

  return (
    <div className="explain__frame" onKeyDown={onKeyDown}>
      <div className="explain__bar">
        <div className="explain__heading">
          <p className="explain__context">{subject.title}</p>
          <h2 id={titleId}>{figures.length > 1 ? `Figure ${index + 1}` : 'Figure'}</h2>
        </div>
        <StepNav index={index} count={figures.length} noun="figure" onGo={go} />
        <button
          type="button"
          className="button"
          aria-pressed={fitWidth}
          onClick={() => setFitWidth((on) => !on)}
        >
          Fit to width
        </button>
        <CloseButton onClose={onClose} />
      </div>
      {figures.length === 0 && (
        <p className="explain__empty">The figures are still being drawn. Close and try again.</p>
      )}
      <div
        ref={holder}
        className={fitWidth ? 'explain__figure explain__figure--width' : 'explain__figure'}
      />
    </div>
  )
}
