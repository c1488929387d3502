import { createContext, useContext, useMemo, useState } from 'react'
import type { ReactNode } from 'react'
import type { SyncConflict, SyncKind } from '../../../../shared/api/sync'
import { api } from '../../lib/api'
import { Link } from '../../lib/link'
import { useAsync } from '../../lib/use-async'

interface ConflictNoticeProps {
  readonly kind: SyncKind
  /** An article id, a handout's `<id>/<lang>` or a note id. */
  readonly itemId: string
  /** The version this screen shows (or the editor starts from), named beside the other one. */
  readonly shownVersion?: number
  /** Where both versions are kept (the article's history, a handout's versions), if anywhere. */
  readonly historyTo?: (revision: number) => string
  /** What that link says. */
  readonly historyLabel?: string
  readonly readOnly: boolean
}

/** The item whose notice a screen already shows (`<kind>:<itemId>`), for the parts inside it. */
const ShownAbove = createContext<string | null>(null)

/**
 * Around a part of a screen that repeats an item whose notice the screen already shows (the note
 * page's own note, opened in its editor): a notice for that item inside it is not shown twice.
 */
export function ConflictNoticeShownAbove(props: {
  kind: SyncKind
  itemId: string
  children: ReactNode
}) {
  return (
    <ShownAbove.Provider value={`${props.kind}:${props.itemId}`}>
      {props.children}
    </ShownAbove.Provider>
  )
}

/** The items of a list that carry an unseen conflict, and how to drop one once it is seen. */
interface UnseenInList {
  readonly ids: ReadonlySet<string>
  readonly forget: (itemId: string) => void
}
const UnseenInList = createContext<UnseenInList | null>(null)

/** Around a list of items of one kind: asks once which of them carry an unseen conflict. */
export function UnseenConflicts(props: { kind: SyncKind; children: ReactNode }) {
  const { state, setData } = useAsync<SyncConflict[]>(
    () => api.sync.conflicts({ kind: props.kind }),
    `unseen:${props.kind}`
  )
  const conflicts = state.status === 'ready' ? state.data : null
  const value = useMemo<UnseenInList>(
    () => ({
      ids: new Set((conflicts ?? []).map((conflict) => conflict.itemId)),
      forget: (itemId) => {
        if (conflicts !== null) setData(conflicts.filter((c) => c.itemId !== itemId))
      }
    }),
    [conflicts, setData]
  )
  return <UnseenInList.Provider value={value}>{props.children}</UnseenInList.Provider>
}

/** An item in a list with an unseen conflict: a mark linking to where its notice is. */
export function ConflictMark(props: { kind: SyncKind; itemId: string; to: string }) {
  const unseen = useContext(UnseenInList)
  const shownAbove = useContext(ShownAbove) === `${props.kind}:${props.itemId}`
  if (shownAbove || unseen === null || !unseen.ids.has(props.itemId)) return null
  return (
    <Link to={props.to} className="badge badge--edited">
      Changed on two computers: see both
    </Link>
  )
}

/**
 * "Also changed on another computer at the same time": shown on an item until someone marks it
 * seen. Both versions are kept in the item's history (docs/clinic-network.md, "Conflicts").
 */
export function ConflictNotice(props: ConflictNoticeProps) {
  const shownAbove = useContext(ShownAbove) === `${props.kind}:${props.itemId}`
  return shownAbove ? null : <UnseenConflictNotice {...props} />
}

function UnseenConflictNotice({
  kind,
  itemId,
  shownVersion,
  historyTo,
  historyLabel = 'Compare the versions',
  readOnly
}: ConflictNoticeProps) {
  const { state, setData } = useAsync<SyncConflict[]>(
    () => api.sync.conflicts({ kind, itemId }),
    `conflicts:${kind}:${itemId}`
  )
  const [busy, setBusy] = useState(false)
  const inList = useContext(UnseenInList)
  if (state.status !== 'ready') return null
  const unseen = state.data.filter((conflict) => conflict.seenAt === null)
  if (unseen.length === 0) return null
  const markSeen = async (): Promise<void> => {
    setBusy(true)
    try {
      await api.sync.markSeen({ kind, itemId })
      setData(state.data.map((conflict) => ({ ...conflict, seenAt: conflict.foundAt })))
      inList?.forget(itemId)
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
        <strong>This was also changed on another computer at the same time.</strong>{' '}
        {bothVersions(shownVersion, versions)}
      </p>
      <div className="notice__actions">
        {historyTo !== undefined && versions[0] !== undefined && (
          <Link to={historyTo(versions[0])} className="button button--small">
            {historyLabel}
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

/**
 * "Both versions are kept: this is version 4; the other, version 3, is in the history." Without
 * the shown version's number (a screen that does not show one): "One is shown here; …".
 */
function bothVersions(shown: number | undefined, others: readonly number[]): string {
  const kept = others.length > 1 ? 'All the versions are kept' : 'Both versions are kept'
  const where =
    others.length === 0
      ? 'the other is in the history'
      : others.length === 1
        ? `the other, version ${others[0]}, is in the history`
        : `the others, versions ${others.slice(0, -1).join(', ')} and ${others.at(-1)}, are in the history`
  return shown === undefined
    ? `${kept}. One is shown here; ${where}.`
    : `${kept}: this is version ${shown}; ${where}.`
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
