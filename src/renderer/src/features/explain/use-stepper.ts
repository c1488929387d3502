import { useState } from 'react'
import type { KeyboardEvent } from 'react'

/**
 * Stepping through a list with the arrow keys (Left/Up back, Right/Down on, Home, End). A key
 * something inside already used (the body map's markers move with the arrows) is left to it.
 */
export function useStepper(count: number, start = 0) {
  // Clamped when read: the list may still be loading (count 0) when the stepper starts.
  const [index, setIndex] = useState(start)
  const current = Math.min(Math.max(0, index), Math.max(0, count - 1))
  const go = (next: number) => setIndex(Math.min(Math.max(0, next), Math.max(0, count - 1)))
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return
    const moves: Record<string, number> = {
      ArrowLeft: current - 1,
      ArrowUp: current - 1,
      ArrowRight: current + 1,
      ArrowDown: current + 1,
      Home: 0,
      End: count - 1
    }
    const next = moves[event.key]
    if (next === undefined) return
    event.preventDefault()
    go(next)
  }
  return { index: current, go, onKeyDown }
}
