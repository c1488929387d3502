// React Fast Refresh's preamble as a module: the inline <script> Vite would inject in development
// is blocked by the Content-Security-Policy (script-src 'self'). Empty in production builds.
import '@vitejs/plugin-react/preamble'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import './styles/base.css'
import './styles/layout.css'
import './styles/controls.css'
import './styles/feedback.css'
import './styles/search.css'
import './styles/pages.css'
import './styles/markdown.css'
import './styles/editor.css'

const container = document.getElementById('root')
if (!container) throw new Error('Pointbook: #root is missing from index.html')

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>
)
