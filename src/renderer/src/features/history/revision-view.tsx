import { useState } from 'react'
import type { Article, RevisionSummary } from '../../../../shared/api/articles'
import { useAppInfo } from '../../app/app-info'
import { useEditsOffReason } from '../role/role-context'
import { useConfirm } from '../../components/confirm'
import { ErrorState, Loading } from '../../components/states'
import { useToast } from '../../components/toast'
import { api } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { formatExact } from '../../lib/format'
import { navigate } from '../../lib/router'
import { useAsync } from '../../lib/use-async'
import { CATEGORY_LABELS } from '../library/article-meta'
import { paths } from '../library/paths'
import { MarkdownView } from '../rendering/markdown-view'
import { SOURCE_LABELS } from './revision-labels'
import { RevisionCompare } from './revision-compare'
import type { CompareTarget } from './revision-compare'
import '../article/article.css'

interface RevisionViewProps {
  article: Article
  revision: number
  isCurrent: boolean
  /** Every saved version, newest first (what this one can be compared with). */
  revisions: readonly RevisionSummary[]
}

/**
 * One revision with "Restore this version": an old version opens compared with the current text
 * (what restoring would change); any version can show its own text or be compared with another.
 */
export function RevisionView({ article, revision, isCurrent, revisions }: RevisionViewProps) {
  const { state, reload } = useAsync(
    () => api.articles.revision({ id: article.id, revision }),
    `${article.id}@${revision}`
  )
  const { readOnly } = useAppInfo()
  const editsOff = useEditsOffReason()
  const confirm = useConfirm()
  const toast = useToast()
  const [restoring, setRestoring] = useState(false)
  const others = revisions.filter((r) => r.revision !== revision && r.revision !== article.revision)
  const [compare, setCompare] = useState<CompareTarget | null>(isCurrent ? null : 'current')

  const restore = async () => {
    const ok = await confirm({
      title: `Restore version ${revision}?`,
      message: (
        <p>
          Its text is saved again as a new version, which becomes the current one. The current text
          stays in the history.
        </p>
      ),
      confirmLabel: 'Restore this version'
    })
    if (!ok) return
    setRestoring(true)
    try {
      const restored = await api.articles.restoreRevision({ id: article.id, revision })
      toast({ message: `Version ${revision} restored as version ${restored.revision}.` })
      await navigate(paths.article(article.id))
    } catch (error) {
      toast({ message: errorMessage(error), tone: 'error' })
    } finally {
      setRestoring(false)
    }
  }

  return (
    <section
      className="history__detail"
      aria-label={`Version ${revision}`}
      aria-busy={state.status === 'loading'}
    >
      {state.status === 'loading' && <Loading label={`Loading version ${revision}`} />}
      {state.status === 'error' && (
        <ErrorState
          title={`Version ${revision} could not be loaded.`}
          error={state.error}
          onRetry={reload}
        />
      )}
      {state.status === 'ready' && (
        <>
          <div className="history__detail-header">
            <div>
              <h2>
                Version {state.data.revision}: {state.data.title}
              </h2>
              <p className="muted">
                {SOURCE_LABELS[state.data.source]} · saved {formatExact(state.data.savedAt)} ·{' '}
                {CATEGORY_LABELS[state.data.category]}
                {state.data.tags.length > 0 && ` · ${state.data.tags.join(', ')}`}
              </p>
            </div>
            {isCurrent ? (
              <p className="badge badge--current">This is the current version</p>
            ) : (
              <button
                type="button"
                className="button button--primary"
                disabled={readOnly || restoring}
                title={readOnly ? editsOff : undefined}
                onClick={() => void restore()}
              >
                {restoring ? 'Restoring…' : 'Restore this version…'}
              </button>
            )}
          </div>
          {/* A single version (a built-in never edited) has nothing to compare with. */}
          {(!isCurrent || others.length > 0) && (
            <div className="field field--inline history__compare">
              <label htmlFor="history-compare">Compare with</label>
              <select
                id="history-compare"
                value={compare === null ? '' : String(compare)}
                onChange={(event) => setCompare(targetOf(event.target.value))}
              >
                <option value="">Nothing: show this version’s text</option>
                {!isCurrent && (
                  <option value="current">The current text (version {article.revision})</option>
                )}
                {others.map((r) => (
                  <option key={r.revision} value={r.revision}>
                    Version {r.revision}
                  </option>
                ))}
              </select>
            </div>
          )}
          {compare === null ? (
            <>
              {state.data.summary && <p className="article__summary">{state.data.summary}</p>}
              <MarkdownView markdown={state.data.body} label={`Text of version ${revision}`} />
            </>
          ) : (
            <RevisionCompare article={article} shown={state.data} target={compare} />
          )}
        </>
      )}
    </section>
  )
}

function targetOf(value: string): CompareTarget | null {
  if (value === '') return null
  return value === 'current' ? 'current' : Number(value)
}
