import { useCallback, useEffect, useRef, useState } from 'react'
import type { DraftRef } from '../../../../shared/api/notes'
import { api } from '../../lib/api'

export const DRAFT_DELAY_MS = 600

export type DraftStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly at: string }
  | { readonly kind: 'error' }

interface Pending {
  readonly ref: DraftRef
  readonly body: string
  readonly baseRevision: number | null
}

/**
 * Keeps what is being typed in the library: a moment after the last keystroke, when the window
 * is hidden or closed, and when the editor goes away. A crash or an accidental close loses at most
 * the last moment of typing; reopening the note offers the draft back.
 */
export function useDraftAutosave(enabled: boolean) {
  const [status, setStatus] = useState<DraftStatus>({ kind: 'idle' })
  const pending = useRef<Pending | null>(null)
  const timer = useRef<number | null>(null)
  const mounted = useRef(true)

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current)
      timer.current = null
    }
    const work = pending.current
    pending.current = null
    if (!work) return
    if (mounted.current) setStatus({ kind: 'saving' })
    try {
      const { savedAt } = await api.notes.saveDraft({
        ...work.ref,
        body: work.body,
        baseRevision: work.baseRevision
      })
      if (mounted.current) setStatus({ kind: 'saved', at: savedAt })
    } catch (error) {
      console.error('Pointbook: the draft could not be kept', error)
      if (mounted.current) setStatus({ kind: 'error' })
    }
  }, [])

  const schedule = useCallback(
    (ref: DraftRef, body: string, baseRevision: number | null) => {
      if (!enabled) return
      pending.current = { ref, body, baseRevision }
      if (timer.current !== null) window.clearTimeout(timer.current)
      timer.current = window.setTimeout(() => void flush(), DRAFT_DELAY_MS)
    },
    [enabled, flush]
  )

  /** Forgets anything not yet written (after a save or a discard). */
  const cancel = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current)
    timer.current = null
    pending.current = null
  }, [])

  useEffect(() => {
    mounted.current = true
    const onHide = () => void flush()
    window.addEventListener('pagehide', onHide)
    window.addEventListener('beforeunload', onHide)
    document.addEventListener('visibilitychange', onHide)
    return () => {
      mounted.current = false
      window.removeEventListener('pagehide', onHide)
      window.removeEventListener('beforeunload', onHide)
      document.removeEventListener('visibilitychange', onHide)
      void flush()
    }
  }, [flush])

  return { status, schedule, flush, cancel }
}
