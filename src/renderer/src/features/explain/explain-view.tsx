import { useId } from 'react'
import { Modal } from '../../components/modal'
import type { ExplainSubject } from './explain-store'
import { FiguresExplain } from './figures-explain'
import { MusclesExplain } from './muscles-explain'
import './explain.css'

/**
 * The patient view: the whole window, large and plain, with nothing meant for the practitioner.
 * A modal dialog (focus stays inside, Escape closes, focus returns to what opened it).
 */
export function ExplainView({
  subject,
  onClose
}: {
  subject: ExplainSubject
  onClose: () => void
}) {
  const titleId = useId()
  return (
    <Modal labelledBy={titleId} onClose={onClose} className="explain">
      {subject.kind === 'muscles' ? (
        <MusclesExplain subject={subject} titleId={titleId} onClose={onClose} />
      ) : (
        <FiguresExplain subject={subject} titleId={titleId} onClose={onClose} />
      )}
    </Modal>
  )
}
