import { api } from '../../lib/api'
import type * as MermaidRenderer from './mermaid-renderer'
import { sanitizeSvg } from '../../../../shared/markdown/sanitize-svg'
import { addZoomControls } from './diagram-zoom'

export interface DiagramSource {
  readonly index: number
  readonly source: string
}

/** The contract's limit for a cache key; longer sources are drawn but not cached. */
const MAX_CACHED_SOURCE = 50_000
const MAX_CACHED_SVG = 2_000_000

// SVGs drawn or fetched in this session (the editor preview redraws the same diagrams often),
// and whether the library's cache already has them.
const memory = new Map<string, { svg: string; stored: boolean }>()
const MEMORY_LIMIT = 60

function remember(source: string, svg: string, stored: boolean): void {
  memory.delete(source)
  memory.set(source, { svg, stored })
  if (memory.size > MEMORY_LIMIT) memory.delete(memory.keys().next().value as string)
}

let mermaidModule: Promise<typeof MermaidRenderer> | null = null

function loadMermaid(): Promise<typeof MermaidRenderer> {
  mermaidModule ??= import('./mermaid-renderer').catch((error: unknown) => {
    mermaidModule = null
    throw error
  })
  return mermaidModule
}

function store(source: string, svg: string): void {
  if (source.length > MAX_CACHED_SOURCE || svg.length === 0 || svg.length > MAX_CACHED_SVG) return
  const entry = memory.get(source)
  if (entry) entry.stored = true
  // A read-only library cannot store it: the diagram is still shown, just drawn again next time.
  void api.diagrams.put({ source, svg }).catch(() => undefined)
}

/**
 * The sanitized SVG for a diagram: from memory, then the library's cache, else drawn by mermaid.
 * `persist` stores a newly drawn SVG in the library's cache; the editor's preview does not, or
 * every half-typed version of a diagram would be kept.
 */
export async function diagramSvg(source: string, persist = true): Promise<string> {
  const known = memory.get(source)
  if (known) {
    if (persist && !known.stored) store(source, known.svg)
    return known.svg
  }
  if (source.length <= MAX_CACHED_SOURCE) {
    const cached = await api.diagrams.get({ source }).catch(() => null)
    if (cached?.svg) {
      const clean = sanitizeSvg(cached.svg)
      remember(source, clean, true)
      return clean
    }
  }
  const { renderMermaid } = await loadMermaid()
  const clean = sanitizeSvg(await renderMermaid(source))
  remember(source, clean, false)
  if (persist) store(source, clean)
  return clean
}

/** Yield to the event loop between diagrams so typing and scrolling stay responsive. */
const nextFrame = () => new Promise<void>((resolve) => window.setTimeout(resolve, 0))

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const lines = message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  const text = lines.join(' ').slice(0, 400)
  return text || 'the diagram text is not valid.'
}

function showError(figure: Element, source: string, error: unknown): void {
  const box = document.createElement('div')
  box.className = 'diagram-error'
  box.setAttribute('role', 'note')
  const message = document.createElement('p')
  message.textContent = `This diagram could not be drawn: ${describe(error)}`
  const pre = document.createElement('pre')
  const code = document.createElement('code')
  code.textContent = source
  pre.append(code)
  box.append(message, pre)
  figure.replaceChildren(box)
  figure.classList.add('diagram--error')
}

function showPending(figure: Element): void {
  const note = document.createElement('p')
  note.className = 'diagram-pending'
  note.textContent = 'Drawing diagram…'
  figure.replaceChildren(note)
  figure.setAttribute('aria-busy', 'true')
}

/**
 * Fills each `<figure class="diagram" data-diagram-index="N">` placeholder with its SVG, one at
 * a time. A diagram that fails shows an inline message and its source; the others still draw.
 */
export async function drawDiagrams(
  root: HTMLElement,
  diagrams: readonly DiagramSource[],
  isCancelled: () => boolean,
  options: { persist?: boolean } = {}
): Promise<void> {
  const figures = diagrams
    .map((d) => ({
      ...d,
      figure: root.querySelector(`figure[data-diagram-index="${d.index}"]`)
    }))
    .filter((d): d is DiagramSource & { figure: Element } => d.figure !== null)
  for (const { figure } of figures) showPending(figure)
  for (const { figure, source, index } of figures) {
    if (isCancelled()) return
    try {
      const svg = await diagramSvg(source, options.persist ?? true)
      if (isCancelled()) return
      const fragment = svgFragment(svg)
      const element = fragment.querySelector('svg')
      if (!element) throw new Error('the drawing came back empty.')
      element.setAttribute('role', 'img')
      if (!element.getAttribute('aria-label') && !element.getAttribute('aria-labelledby')) {
        element.setAttribute('aria-label', `Diagram ${index + 1}`)
      }
      figure.replaceChildren(fragment)
      addZoomControls(figure, element, element.getAttribute('aria-label') ?? `Diagram ${index + 1}`)
      figure.classList.add('diagram--ready')
    } catch (error) {
      if (isCancelled()) return
      showError(figure, source, error)
    } finally {
      figure.removeAttribute('aria-busy')
    }
    await nextFrame()
  }
}

/**
 * An SVG that diagramSvg() already sanitized, as nodes to append. A <template> parses it inert
 * (nothing in it runs or loads while it is parsed), exactly as the sanitizer parsed it.
 */
function svgFragment(svg: string): DocumentFragment {
  const template = document.createElement('template')
  template.innerHTML = svg
  return template.content
}
