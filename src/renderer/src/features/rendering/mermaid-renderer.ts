/**
 * The only module that imports mermaid (~0.7 MB minified). It is reached only through
 * `import('./mermaid-renderer')`, so mermaid stays out of the start-up chunk and loads the first
 * time an article with a diagram is opened (and only if its SVG is not cached yet).
 */
import mermaid from 'mermaid'
import { diagramThemeVariables } from './diagram-theme'
import { mermaidSiteConfig } from './mermaid-config'
import { drawInScriptlessFrame } from './scriptless-frame'

let initialized = false
let counter = 0
/** Mermaid's configuration is global: one drawing at a time, in the order they were asked for. */
let queue: Promise<unknown> = Promise.resolve()

function ensureInitialized(): void {
  if (initialized) return
  mermaid.initialize(mermaidSiteConfig(mermaid.mermaidAPI.defaultConfig, diagramThemeVariables()))
  initialized = true
}

/**
 * Renders one diagram to an SVG string (not yet sanitized: diagrams.ts does that); throws
 * mermaid's error for invalid syntax. Mermaid draws in a frame where nothing can run
 * (scriptless-frame.ts), so no node it makes on the way is ever part of the live page.
 */
export function renderMermaid(source: string): Promise<string> {
  const drawing = queue.then(() => {
    ensureInitialized()
    const id = `pb-diagram-${++counter}`
    return drawInScriptlessFrame(id, () => mermaid.mermaidAPI.render(id, source))
  })
  queue = drawing.catch(() => undefined)
  return drawing
}
