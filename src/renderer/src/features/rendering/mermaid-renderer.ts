/**
 * The only module that imports mermaid (~0.7 MB minified). It is reached only through
 * `import('./mermaid-renderer')`, so mermaid stays out of the start-up chunk and loads the first
 * time an article with a diagram is opened (and only if its SVG is not cached yet).
 */
import mermaid from 'mermaid'
import { diagramThemeVariables } from './diagram-theme'

let initialized = false
let counter = 0

function ensureInitialized(): void {
  if (initialized) return
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    flowchart: { htmlLabels: false },
    htmlLabels: false,
    // 'base' is the one theme mermaid lets us recolour: the app's teal and greys (diagram-theme.ts).
    theme: 'base',
    themeVariables: diagramThemeVariables(),
    suppressErrorRendering: true
  })
  initialized = true
}

/** Renders one diagram to an SVG string; throws mermaid's error for invalid syntax. */
export async function renderMermaid(source: string): Promise<string> {
  ensureInitialized()
  const id = `pb-diagram-${++counter}`
  try {
    const { svg } = await mermaid.render(id, source)
    return svg
  } finally {
    // Mermaid measures text in temporary elements; make sure none is left behind on failure.
    document.getElementById(id)?.remove()
    document.getElementById(`d${id}`)?.remove()
  }
}
