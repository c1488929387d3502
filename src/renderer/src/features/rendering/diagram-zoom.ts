/** Zoom levels, as a share of the size mermaid drew the diagram at. */
export const ZOOM_STEPS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const

/** A drawn diagram's size from its viewBox ("0 0 653.7 1945.1"). */
export function naturalSize(svg: Element): { width: number; height: number } | null {
  const parts = (svg.getAttribute('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number)
  const [, , width, height] = parts
  if (parts.length !== 4 || !(width! > 0) || !(height! > 0)) return null
  return { width: width!, height: height! }
}

/** The next zoom step past `scale` in `direction` (+1 in, -1 out); null at either end. */
export function nextZoom(scale: number, direction: 1 | -1): number | null {
  const steps = direction === 1 ? ZOOM_STEPS : [...ZOOM_STEPS].reverse()
  return steps.find((step) => (direction === 1 ? step > scale + 0.01 : step < scale - 0.01)) ?? null
}

/**
 * Zoom for one drawn diagram: it starts fitted to the text's width (never wider, so the page
 * does not scroll sideways); "Zoom in" and "Zoom out" step from the size it is shown at, and
 * "Fit to width" goes back. A zoomed diagram scrolls inside its own box, which takes the
 * keyboard focus (arrow keys scroll it; + and - zoom, 0 fits).
 */
export function addZoomControls(figure: Element, svg: SVGSVGElement, label: string): void {
  const natural = naturalSize(svg)
  if (natural === null) return
  const fittedStyle = svg.getAttribute('style') ?? ''
  const canvas = document.createElement('div')
  canvas.className = 'diagram__canvas'
  svg.replaceWith(canvas)
  canvas.append(svg)

  const bar = document.createElement('div')
  bar.className = 'diagram-zoom'
  bar.setAttribute('role', 'group')
  bar.setAttribute('aria-label', `Zoom: ${label}`)
  const zoomOut = zoomButton('−', 'Zoom out')
  const fit = zoomButton('Fit to width', null)
  const zoomIn = zoomButton('+', 'Zoom in')
  const level = document.createElement('span')
  level.className = 'diagram-zoom__level'
  level.setAttribute('aria-live', 'polite')
  bar.append(zoomOut, zoomIn, fit, level)
  figure.prepend(bar)

  let zoom: number | null = null
  const shownScale = (): number => {
    if (zoom !== null) return zoom
    const width = svg.getBoundingClientRect().width
    return width > 0 ? Math.min(1, width / natural.width) : 1
  }
  const apply = (next: number | null) => {
    zoom = next
    if (next === null) {
      svg.setAttribute('style', fittedStyle)
      canvas.removeAttribute('tabindex')
      canvas.removeAttribute('aria-label')
    } else {
      svg.style.maxWidth = 'none'
      svg.style.width = `${Math.round(natural.width * next)}px`
      canvas.tabIndex = 0
      canvas.setAttribute('aria-label', `${label}, zoomed: scroll with the arrow keys`)
    }
    figure.setAttribute('data-zoom', next === null ? 'fit' : String(next))
    level.textContent = next === null ? 'Fitted to width' : `${Math.round(next * 100)} %`
    zoomOut.disabled = nextZoom(shownScale(), -1) === null
    zoomIn.disabled = nextZoom(shownScale(), 1) === null
    fit.disabled = next === null
  }
  const step = (direction: 1 | -1) => {
    const next = nextZoom(shownScale(), direction)
    if (next !== null) apply(next)
  }
  zoomOut.addEventListener('click', () => step(-1))
  zoomIn.addEventListener('click', () => step(1))
  fit.addEventListener('click', () => apply(null))
  canvas.addEventListener('keydown', (event) => {
    const action = { '+': 1, '=': 1, '-': -1, '0': 0 }[event.key]
    if (action === undefined || event.ctrlKey || event.metaKey || event.altKey) return
    event.preventDefault()
    if (action === 0) apply(null)
    else step(action === 1 ? 1 : -1)
  })
  apply(null)
}

function zoomButton(text: string, name: string | null): HTMLButtonElement {
  const button = document.createElement('button')
  button.type = 'button'
  button.className = 'button button--small diagram-zoom__button'
  button.textContent = text
  if (name !== null) button.setAttribute('aria-label', name)
  return button
}
