import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import {
  addZoomControls,
  naturalSize,
  nextZoom
} from '../../src/renderer/src/features/rendering/diagram-zoom'
import { diagramThemeVariables } from '../../src/renderer/src/features/rendering/diagram-theme'

/** A figure with a drawn diagram as mermaid leaves it: width 100 %, max-width its own size. */
function drawnFigure(): { figure: HTMLElement; svg: SVGSVGElement } {
  const figure = document.createElement('figure')
  figure.className = 'diagram'
  figure.innerHTML =
    '<svg width="100%" style="max-width: 600px;" viewBox="0 0 600 1800" aria-label="Course of care"></svg>'
  document.body.append(figure)
  const svg = figure.querySelector('svg') as SVGSVGElement
  addZoomControls(figure, svg, 'Course of care')
  return { figure, svg }
}

describe('diagram zoom', () => {
  it('reads the drawn size from the viewBox, and refuses one it cannot read', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg')
    svg.setAttribute('viewBox', '0 0 653.5 1945.25')
    expect(naturalSize(svg)).toEqual({ width: 653.5, height: 1945.25 })
    svg.setAttribute('viewBox', '0 0 0 10')
    expect(naturalSize(svg)).toBeNull()
    svg.removeAttribute('viewBox')
    expect(naturalSize(svg)).toBeNull()
  })

  it('steps through the zoom levels from the size shown, and stops at both ends', () => {
    expect(nextZoom(0.62, 1)).toBe(0.75)
    expect(nextZoom(0.62, -1)).toBe(0.5)
    expect(nextZoom(1, 1)).toBe(1.25)
    expect(nextZoom(3, 1)).toBeNull()
    expect(nextZoom(0.25, -1)).toBeNull()
  })

  it('starts fitted to width, zooms with buttons and keys, and fits again', () => {
    const { figure, svg } = drawnFigure()
    const bar = screen.getByRole('group', { name: 'Zoom: Course of care' })
    expect(figure.getAttribute('data-zoom')).toBe('fit')
    expect(svg.getAttribute('style')).toBe('max-width: 600px;')
    expect(within(bar).getByRole('button', { name: 'Fit to width' })).toBeDisabled()
    expect(bar).toHaveTextContent('Fitted to width')

    fireEvent.click(within(bar).getByRole('button', { name: 'Zoom in' }))
    expect(figure.getAttribute('data-zoom')).toBe('1.25')
    expect(svg.style.width).toBe('750px')
    expect(svg.style.maxWidth).toBe('none')
    expect(bar).toHaveTextContent('125 %')
    // Zoomed, the diagram's box takes the focus so the keyboard can scroll it, and zooms it.
    const canvas = svg.parentElement as HTMLElement
    expect(canvas).toHaveAttribute('tabindex', '0')
    fireEvent.keyDown(canvas, { key: '+' })
    expect(svg.style.width).toBe('900px')
    fireEvent.keyDown(canvas, { key: '-' })
    fireEvent.keyDown(canvas, { key: '-' })
    expect(svg.style.width).toBe('600px')

    fireEvent.keyDown(canvas, { key: '0' })
    expect(figure.getAttribute('data-zoom')).toBe('fit')
    expect(svg.getAttribute('style')).toBe('max-width: 600px;')
    expect(canvas).not.toHaveAttribute('tabindex')
  })

  it('disables the button at the last level', () => {
    const { svg } = drawnFigure()
    const zoomIn = screen.getByRole('button', { name: 'Zoom in' })
    for (let n = 0; n < 10 && !zoomIn.hasAttribute('disabled'); n++) fireEvent.click(zoomIn)
    expect(zoomIn).toBeDisabled()
    expect(svg.style.width).toBe('1800px')
  })
})

describe('diagram theme', () => {
  it("takes mermaid's colours from the app's CSS colours, with the same values as fallbacks", () => {
    const set: Record<string, string> = { '--color-accent': '#123456' }
    const theme = diagramThemeVariables((property) => set[property] ?? '')
    expect(theme).toMatchObject({
      primaryBorderColor: '#123456',
      nodeBorder: '#123456',
      primaryColor: '#e3f0f0',
      lineColor: '#4e5a60',
      noteBkgColor: '#fff4d8'
    })
    expect(Object.values(theme).every((value) => /^#[0-9a-f]{6}$/.test(value))).toBe(true)
  })
})
