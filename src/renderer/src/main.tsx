// React Fast Refresh's preamble as a module: the inline <script> Vite would inject in development
// is blocked by the Content-Security-Policy (script-src 'self'). Empty in production builds.
import '@vitejs/plugin-react/preamble'
import { startEarlyRequests } from './app/start-requests'
// The shared styles; features import their own with their modules. Every stylesheet that boot.tsx
// reaches (the shell's search field, the front-desk and network indicators, the library: the usual
// start screen) is named here too, so the start-up has one stylesheet, which the build puts inside
// index.html (electron.vite.config.ts, inlineEntryCss): the frame is styled and this script runs
// without waiting for a stylesheet's request. test/e2e/startup-bundle.test.ts checks it.
import './styles/base.css'
import './styles/cjk-font.css'
import './styles/layout.css'
import './styles/controls.css'
import './styles/feedback.css'
import './features/search/search.css'
import './features/library/library.css'
import './features/role/role.css'
import './features/clinic-network/clinic-network.css'

// The entry is small: it sends the start screen's requests at once, while React and the screen
// (boot.tsx, which index.html also preloads) are still on their way.
startEarlyRequests(window.location.hash)
void import('./boot')
