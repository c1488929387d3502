import { paperLabel } from '../../../../shared/handouts/paper'
import type { PaperSize } from '../../../../shared/handouts/paper'

export interface PrintChoices {
  readonly paper: PaperSize
  readonly largePrint: boolean
  readonly copies: number
  readonly patientName: string
  readonly practitioner: string
}

interface PrintOptionsProps {
  readonly value: PrintChoices
  readonly onChange: (next: PrintChoices) => void
  readonly practitioners: readonly string[]
  /** Prefix for element ids (two forms on one screen never clash). */
  readonly idPrefix: string
}

/**
 * Paper, large print, copies, and the two names printed on the sheet. The patient's name is typed
 * here for this print only: it is never saved.
 */
export function PrintOptions({ value, onChange, practitioners, idPrefix }: PrintOptionsProps) {
  const set = (patch: Partial<PrintChoices>) => onChange({ ...value, ...patch })
  return (
    <div className="print-options">
      <fieldset className="segmented">
        <legend>Paper</legend>
        {(['letter', 'a4'] as const).map((paper) => (
          <label
            key={paper}
            className={value.paper === paper ? 'segmented__option is-on' : 'segmented__option'}
          >
            <input
              type="radio"
              name={`${idPrefix}-paper`}
              value={paper}
              checked={value.paper === paper}
              onChange={() => set({ paper })}
            />
            {paperLabel(paper)}
          </label>
        ))}
      </fieldset>
      <label className="toggle">
        <input
          type="checkbox"
          checked={value.largePrint}
          onChange={(event) => set({ largePrint: event.target.checked })}
        />
        Large print
      </label>
      <div className="field field--inline">
        <label htmlFor={`${idPrefix}-copies`}>Copies</label>
        <input
          id={`${idPrefix}-copies`}
          type="number"
          min={1}
          max={50}
          inputMode="numeric"
          value={value.copies}
          onChange={(event) => set({ copies: clampCopies(event.target.valueAsNumber) })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-patient`}>Patient name (optional)</label>
        <input
          id={`${idPrefix}-patient`}
          type="text"
          autoComplete="off"
          maxLength={120}
          value={value.patientName}
          onChange={(event) => set({ patientName: event.target.value })}
          aria-describedby={`${idPrefix}-patient-hint`}
        />
        <p className="field__hint" id={`${idPrefix}-patient-hint`}>
          Printed on the sheet only. Pointbook never saves it.
        </p>
      </div>
      {practitioners.length > 0 && (
        <div className="field">
          <label htmlFor={`${idPrefix}-practitioner`}>Practitioner</label>
          <select
            id={`${idPrefix}-practitioner`}
            value={value.practitioner}
            onChange={(event) => set({ practitioner: event.target.value })}
          >
            <option value="">(none)</option>
            {practitioners.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  )
}

export const clampCopies = (n: number): number =>
  Number.isFinite(n) ? Math.min(50, Math.max(1, Math.round(n))) : 1

/** What the print and preview calls take from the choices (blank names left out). */
export function printInput(choices: PrintChoices) {
  return {
    paper: choices.paper,
    largePrint: choices.largePrint,
    copies: clampCopies(choices.copies),
    ...(choices.patientName.trim() !== '' ? { patientName: choices.patientName.trim() } : {}),
    ...(choices.practitioner.trim() !== '' ? { practitioner: choices.practitioner.trim() } : {})
  }
}
