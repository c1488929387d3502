import { useLayoutEffect, useSyncExternalStore } from 'react'
import type { BodyView } from '../../../../shared/atlas/landmarks'

/**
 * What explain mode can show the patient: muscles (one, or the list of a pain search or a
 * nerve-root lookup, stepped through with the arrow keys), or the figures of an article.
 */
export type ExplainSubject =
  | {
      readonly kind: 'muscles'
      readonly ids: readonly string[]
      /** Which of `ids` to show first. */
      readonly start?: number
      /** Where the list came from, in plain words ("Pain near the right shoulder"). */
      readonly context?: string | null
      /** The spot a pain search started from, drawn on the map. */
      readonly spot?: { readonly view: BodyView; readonly x: number; readonly y: number } | null
    }
  | {
      readonly kind: 'figures'
      readonly title: string
      /** The drawn figures, read when explain mode opens (diagrams draw after the text). */
      readonly figures: () => readonly Element[]
    }

interface State {
  /** What the current screen offers (the global key opens it). */
  readonly offered: ExplainSubject | null
  /** What is on screen now, or null when explain mode is closed. */
  readonly shown: ExplainSubject | null
}

let state: State = { offered: null, shown: null }
const listeners = new Set<() => void>()

function set(next: Partial<State>): void {
  state = { ...state, ...next }
  for (const listener of listeners) listener()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export const openExplain = (subject: ExplainSubject): void => set({ shown: subject })
export const closeExplain = (): void => set({ shown: null })

/** Opens what the current screen offers; false when it offers nothing. */
export function openOffered(): boolean {
  if (state.offered === null) return false
  openExplain(state.offered)
  return true
}

export const useExplainState = (): State => useSyncExternalStore(subscribe, () => state)

/**
 * Offers `subject` to the global key while the calling screen is up. Pass a memoized value: a
 * new object on every render would offer it again each time.
 */
export function useOfferExplain(subject: ExplainSubject | null): void {
  // Offered in the same commit that draws the screen's button (see ExplainHost's key).
  useLayoutEffect(() => {
    set({ offered: subject })
    return () => {
      if (state.offered === subject) set({ offered: null })
    }
  }, [subject])
}

/** Tests start from a closed view with nothing offered. */
export function resetExplain(): void {
  set({ offered: null, shown: null })
}
