/**
 * Start-up milestones. The first screen marks itself (`pointbook:first-screen` in the Performance
 * panel, read by `npm run bench`) once its data is on screen; work that should not compete with
 * it, such as prefetching the other screens, waits for that mark.
 */
export const FIRST_SCREEN_MARK = 'pointbook:first-screen'

let shown = false
const waiting: Array<() => void> = []

/** Called by the start screen when its content is shown; only the first call counts. */
export function markFirstScreen(): void {
  if (shown) return
  shown = true
  performance.mark(FIRST_SCREEN_MARK)
  for (const run of waiting.splice(0)) run()
}

/**
 * Runs `run` once the first screen has marked itself, or after `latestMs` when the app started
 * on a screen that does not mark itself (an article, the front desk).
 */
export function afterFirstScreen(run: () => void, latestMs: number): void {
  let done = false
  const once = (): void => {
    if (done) return
    done = true
    run()
  }
  if (shown) return once()
  waiting.push(once)
  window.setTimeout(once, latestMs)
}
