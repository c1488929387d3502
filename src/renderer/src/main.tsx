// React Fast Refresh's preamble as a module: the inline <script> Vite would inject in development
// is blocked by the Content-Security-Policy (script-src 'self'). Empty in production builds.
import '@vitejs/plugin-react/preamble'
import { startEarlyRequests } from './app/start-requests'
// The shared styles; features import their own with their modules. The shell's search field and
// the library (the usual start screen) are named here too, so that the frame index.html draws
// needs one stylesheet only.
import './styles/base.css'
import './styles/cjk-font.css'
import './styles/layout.css'
import './styles/controls.css'
import './styles/feedback.css'
import './features/search/search.css'
import './features/library/library.css'

// The entry is small: it sends the start screen's requests at once, while React and the screen
// (boot.tsx, which index.html also preloads) are still on their way.
startEarlyRequests(window.location.hash)
void import('./boot')
