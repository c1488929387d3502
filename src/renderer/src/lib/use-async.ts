import { useCallback, useEffect, useRef, useState } from 'react'

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

const keyOf = (attempt: number, key: string): string => `${attempt}\u0000${key}`

/**
 * Runs `load` whenever `key` changes and keeps the result with the key it belongs to, so a stale
 * answer for a previous key is never shown and a new key shows "loading" at once. `answered`,
 * asked once on mount, can hand over an answer that is already here (an early request, see
 * api.ts): the first render then shows it, with no load and no "loading" in between.
 */
export function useAsync<T>(
  load: () => Promise<T>,
  key: string,
  answered?: () => { readonly value: T } | undefined
): AsyncResult<T> {
  const [attempt, setAttempt] = useState(0)
  const [settled, setSettled] = useState<Settled<T> | null>(() => {
    const answer = answered?.()
    return answer ? { key: keyOf(0, key), state: { status: 'ready', data: answer.value } } : null
  })
  const fullKey = keyOf(attempt, key)
  // The answer handed over on mount stands in for the first load only.
  const answeredOnMount = useRef(settled !== null)

  useEffect(() => {
    if (answeredOnMount.current) {
      answeredOnMount.current = false
      return
    }
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
