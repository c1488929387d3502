import type { JoinReport } from '../../../../shared/api/network'

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** What joining did: the backup made first, what this computer brought, what it received. */
export function JoinReportView(props: { report: JoinReport; onDone: () => void }) {
  const { report } = props
  const { articles, notes, handouts } = report.merged
  return (
    <div className="clinic-network__card clinic-network__report" role="status">
      <p>
        <strong>This computer joined {report.libraryName}.</strong>
      </p>
      <ul>
        <li>A backup was made first: {report.backupPath}</li>
        <li>
          Merged from this computer: {plural(articles, 'article', 'articles')},{' '}
          {plural(notes, 'note', 'notes')}, {plural(handouts, 'handout', 'handouts')}.
        </li>
        <li>
          Received from the clinic library: {plural(report.received, 'item', 'items')}
          {report.received === 0 ? ' so far (the rest arrives as it syncs)' : ''}.
        </li>
      </ul>
      <div className="toolbar">
        <button type="button" className="button button--primary" onClick={props.onDone}>
          Done
        </button>
      </div>
    </div>
  )
}
