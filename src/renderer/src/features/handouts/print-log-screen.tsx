import { paperLabel } from '../../../../shared/handouts/paper'
import { useState } from 'react'
import { EmptyState, ErrorState, SkeletonList } from '../../components/states'
import { useToast } from '../../components/toast'
import { api } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { formatExact } from '../../lib/format'
import { Link } from '../../lib/link'
import { useAsync } from '../../lib/use-async'
import { useDocumentTitle } from '../../lib/use-document-title'
import type { PrintLogEntry } from '../../../../shared/api/handouts'
import { langLabel } from '../../../../shared/handouts/languages'
import { handoutPaths } from './paths'
import { describeResult } from './use-print-actions'
import './handouts.css'
import './print-log.css'
import { Breadcrumb } from '../../components/breadcrumb'

/** Every print and PDF (never a patient's name), each one reprintable exactly as it was. */
export function PrintLogScreen() {
  useDocumentTitle('Print log')
  const log = useAsync(() => api.printLog.list({ limit: 200 }), 'print-log')
  const toast = useToast()
  const [busy, setBusy] = useState<number | null>(null)

  const reprint = async (entry: PrintLogEntry, output: 'printer' | 'pdf') => {
    setBusy(entry.id)
    try {
      const result = await api.printLog.reprint({ id: entry.id, output })
      toast({ message: describeResult(result, entry.copies) })
      if (result.status !== 'cancelled') log.reload()
    } catch (error) {
      toast({ message: errorMessage(error), tone: 'error' })
    } finally {
      setBusy(null)
    }
  }

  return (
    <section className="screen print-log" aria-labelledby="print-log-title">
      <Breadcrumb items={[{ to: handoutPaths.list(), label: 'Handouts' }]} />
      <h1 id="print-log-title">Print log</h1>
      <p className="muted">
        What was printed or saved, and when. Patients’ names are never recorded.
      </p>
      {log.state.status === 'loading' && <SkeletonList label="Loading the print log" />}
      {log.state.status === 'error' && (
        <ErrorState
          title="The print log could not be loaded"
          error={log.state.error}
          onRetry={log.reload}
        />
      )}
      {log.state.status === 'ready' && log.state.data.length === 0 && (
        <EmptyState
          title="Nothing printed yet"
          message="Prints and saved PDFs will be listed here."
        />
      )}
      {log.state.status === 'ready' && log.state.data.length > 0 && (
        <div className="table-scroll">
          <table className="print-log__table">
            <caption className="visually-hidden">Prints and PDFs, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Handouts</th>
                <th scope="col">Language</th>
                <th scope="col">Paper</th>
                <th scope="col">Copies</th>
                <th scope="col">Large print</th>
                <th scope="col">Output</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {log.state.data.map((entry) => (
                <tr key={entry.id} data-testid="print-log-row">
                  <td data-label="When">
                    <time dateTime={entry.printedAt}>{formatExact(entry.printedAt)}</time>
                  </td>
                  <td data-label="Handouts">
                    {entry.pack && (
                      <p className="print-log__pack">
                        Pack: <strong>{entry.pack.label}</strong>
                      </p>
                    )}
                    <ul className="plain-list">
                      {entry.items.map((item, n) => (
                        <li key={n}>
                          <Link to={handoutPaths.handout(item.id, item.lang)} lang={item.lang}>
                            {item.title}
                          </Link>{' '}
                          <span className="muted">v{item.version}</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td data-label="Language">
                    {[...new Set(entry.items.map((i) => langLabel(i.lang)))].join(', ')}
                  </td>
                  <td data-label="Paper">{paperLabel(entry.paper)}</td>
                  <td data-label="Copies">{entry.copies}</td>
                  <td data-label="Large print">{entry.largePrint ? 'Yes' : 'No'}</td>
                  <td data-label="Output">
                    {entry.output === 'pdf' ? 'PDF' : 'Printer'}
                    {entry.pageCount > 0 ? ` · ${entry.pageCount} p.` : ''}
                  </td>
                  <td>
                    <div className="print-log__actions">
                      <button
                        type="button"
                        className="button button--small"
                        disabled={busy !== null}
                        onClick={() => void reprint(entry, 'printer')}
                      >
                        Print again
                      </button>
                      <button
                        type="button"
                        className="button button--small"
                        disabled={busy !== null}
                        onClick={() => void reprint(entry, 'pdf')}
                      >
                        Save again as PDF
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
