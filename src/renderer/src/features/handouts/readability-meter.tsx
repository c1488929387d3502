import { GRADE_AIM, GRADE_LIMIT, ZH_SENTENCE_LIMIT } from '../../../../shared/handouts/readability'
import type { ReadabilityReport } from '../../../../shared/handouts/readability'

const MEASURE_NAMES: Record<ReadabilityReport['measure'], string> = {
  'flesch-kincaid': 'Flesch–Kincaid, SMOG and the consensus of several formulas',
  'kandel-moles': 'Kandel–Moles (Flesch for French)',
  'zh-sentence-length': 'average sentence length in characters',
  none: 'no formula for this language'
}

/** Reading level as the clinic types: a warning above grade 8 (docs/checklist.md H1), the aim is 6. */
export function ReadabilityMeter({ report }: { report: ReadabilityReport }) {
  const level =
    report.measure === 'none' || report.tooShort
      ? 'neutral'
      : report.warn
        ? 'warn'
        : (report.grade ?? 0) > GRADE_AIM ||
            (report.measure === 'zh-sentence-length' && (report.score ?? 0) > 18)
          ? 'fine'
          : 'good'
  const headline =
    report.measure === 'zh-sentence-length'
      ? `${report.score ?? '–'} characters per sentence`
      : report.grade === null
        ? 'Reading level: not measured'
        : `Reading grade ${Math.max(report.grade, report.consensus ?? 0, report.smog ?? 0)}`
  return (
    <section
      className={`readability readability--${level}`}
      aria-live="polite"
      aria-label="Reading level"
    >
      <p className="readability__headline">
        <strong>{headline}</strong>
        {report.measure === 'flesch-kincaid' && report.grade !== null && (
          <span className="readability__formulas">
            {' '}
            (Flesch–Kincaid {report.grade} · SMOG {report.smog ?? '–'})
          </span>
        )}
        {report.warn && (
          <span className="readability__warning">
            {' '}
            Above{' '}
            {report.measure === 'zh-sentence-length'
              ? `${ZH_SENTENCE_LIMIT} characters`
              : `grade ${GRADE_LIMIT}`}
            : use shorter sentences and everyday words.
          </span>
        )}
      </p>
      <p className="readability__detail muted">
        {report.summary} Measured with {MEASURE_NAMES[report.measure]}
        {report.measure === 'flesch-kincaid' || report.measure === 'kandel-moles'
          ? `, ${report.words} words, ${report.sentences} sentences.`
          : report.measure === 'zh-sentence-length'
            ? `, ${report.words} characters, ${report.sentences} sentences.`
            : '.'}
      </p>
    </section>
  )
}
