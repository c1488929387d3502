// React Fast Refresh's preamble as a module: the inline <script> Vite would inject in development
// is blocked by the Content-Security-Policy (script-src 'self'). Empty in production builds.
import '@vitejs/plugin-react/preamble'
import './start-early'
// The shared styles come before any feature's own (features import theirs with their modules).
import './styles/base.css'
import './styles/layout.css'
import './styles/controls.css'
import './styles/feedback.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { earlyAnswers } from './lib/api'
import { prefetchScreens } from './lib/lazy-screen'
import { afterFirstScreen } from './lib/startup'

const container = document.getElementById('root')
if (!container) throw new Error('Pointbook: #root is missing from index.html')

/**
 * The frame from index.html is on screen already. If the start screen's early answers are about
 * to arrive, wait for them (at most this long): the first render then shows the data at once,
 * with no skeleton in between. A slow answer gets the skeleton as before.
 */
const WAIT_FOR_EARLY_ANSWERS_MS = 100

void Promise.race([
  earlyAnswers(),
  new Promise((wait) => setTimeout(wait, WAIT_FOR_EARLY_ANSWERS_MS))
]).then(() =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>
  )
)

// The other screens' chunks, fetched in idle time once the first screen is shown.
afterFirstScreen(() => prefetchScreens(), 3000)
