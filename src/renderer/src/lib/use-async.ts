import { useCallback, useEffect, useState } from 'react'

export type AsyncState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: unknown }
  | { readonly status: 'ready'; readonly data: T }

interface Settled<T> {
  readonly key: string
  readonly state: AsyncState<T>
}

export interface AsyncResult<T> {
  readonly state: AsyncState<T>
  /** Loads again (the retry button of an error state). */
  readonly reload: () => void
  /** Replaces the data without a round trip (after a save returned the new value). */
  readonly setData: (data: T) => void
}

/**
 * Runs `load` whenever `key` changes and keeps the result with the key it belongs to, so a stale
 * answer for a previous key is never shown and a new key shows "loading" at once.
 */
export function useAsync<T>(load: () => Promise<T>, key: string): AsyncResult<T> {
  const [attempt, setAttempt] = useState(0)
  const [settled, setSettled] = useState<Settled<T> | null>(null)
  const fullKey = `${attempt}\u0000${key}`

  useEffect(() => {
    let active = true
    load().then(
      (data) => {
        if (active) setSettled({ key: fullKey, state: { status: 'ready', data } })
      },
      (error: unknown) => {
        if (active) setSettled({ key: fullKey, state: { status: 'error', error } })
      }
    )
    return () => {
      active = false
    }
    // `load` is re-created every render; `key` names what it loads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fullKey])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  const setData = useCallback(
    (data: T) => setSettled({ key: fullKey, state: { status: 'ready', data } }),
    [fullKey]
  )

  const state: AsyncState<T> =
    settled && settled.key === fullKey ? settled.state : { status: 'loading' }
  return { state, reload, setData }
}
