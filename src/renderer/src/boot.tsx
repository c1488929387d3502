import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { FirstStartGate } from './features/first-start/first-start-gate'
import { earlyAnswers } from './lib/api'
import { prefetchScreens } from './lib/lazy-screen'
import { afterFirstScreen } from './lib/startup'

/**
 * React and the start screen: loaded by main.tsx, which has already sent the start screen's
 * requests and whose frame (index.html) is on screen. If their answers are about to arrive, wait
 * for them (at most this long): the first render then shows the data, with no skeleton first.
 */
const WAIT_FOR_EARLY_ANSWERS_MS = 100

const container = document.getElementById('root')
if (!container) throw new Error('Pointbook: #root is missing from index.html')

void Promise.race([
  earlyAnswers(),
  new Promise((wait) => setTimeout(wait, WAIT_FOR_EARLY_ANSWERS_MS))
]).then(() =>
  createRoot(container).render(
    <StrictMode>
      <FirstStartGate>
        <App />
      </FirstStartGate>
    </StrictMode>
  )
)

// The other screens' chunks, fetched in idle time once the first screen is shown.
afterFirstScreen(() => prefetchScreens(), 3000)
