import { useState } from 'react'
import type { SyncConflict, SyncKind } from '../../../../shared/api/sync'
import { api } from '../../lib/api'
import { Link } from '../../lib/link'
import { useAsync } from '../../lib/use-async'

interface ConflictNoticeProps {
  readonly kind: SyncKind
  /** An article id, or a handout's `<id>/<lang>`. */
  readonly itemId: string
  /** Where both versions can be compared (the article's history), when there is such a screen. */
  readonly historyTo?: (revision: number) => string
  readonly readOnly: boolean
}

/**
 * "Also changed on another computer at the same time": shown on an item until someone marks it
 * seen. Both versions are kept in the item's history (docs/clinic-network.md, "Conflicts").
 */
export function ConflictNotice({ kind, itemId, historyTo, readOnly }: ConflictNoticeProps) {
  const { state, setData } = useAsync<SyncConflict[]>(
    () => api.sync.conflicts({ kind, itemId }),
    `conflicts:${kind}:${itemId}`
  )
  const [busy, setBusy] = useState(false)
  if (state.status !== 'ready') return null
  const unseen = state.data.filter((conflict) => conflict.seenAt === null)
  if (unseen.length === 0) return null
  const markSeen = async (): Promise<void> => {
    setBusy(true)
    try {
      await api.sync.markSeen({ kind, itemId })
      setData(state.data.map((conflict) => ({ ...conflict, seenAt: conflict.foundAt })))
    } finally {
      setBusy(false)
    }
  }
  const versions = unseen.flatMap((conflict) =>
    conflict.revision === null ? [] : [conflict.revision]
  )
  return (
    <div className="notice notice--warning" role="status">
      <p>
        <strong>This was also changed on another computer at the same time.</strong> Both versions
        are kept. This page shows one of them; the other is
        {versions.length === 1 ? ' version ' : ' versions '}
        {versions.join(', ')} in the history.
      </p>
      <div className="notice__actions">
        {historyTo !== undefined && versions[0] !== undefined && (
          <Link to={historyTo(versions[0])} className="button button--small">
            Compare the versions
          </Link>
        )}
        <button
          type="button"
          className="button button--small"
          disabled={readOnly || busy}
          onClick={() => void markSeen()}
        >
          I have looked at both
        </button>
      </div>
    </div>
  )
}

/** The revisions of an item that came from another computer at the same time (for badges). */
export function useConflictRevisions(kind: SyncKind, itemId: string): ReadonlySet<number> {
  const { state } = useAsync(
    () => api.sync.conflicts({ kind, itemId }),
    `conflicts:${kind}:${itemId}`
  )
  if (state.status !== 'ready') return new Set()
  return new Set(
    state.data.flatMap((conflict) => (conflict.revision === null ? [] : [conflict.revision]))
  )
}
