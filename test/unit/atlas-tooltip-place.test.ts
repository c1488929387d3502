/** Issue 12: a body-map tooltip flips and shifts so it stays whole inside the window. */
import { describe, expect, it } from 'vitest'
import { placeTooltip } from '../../src/renderer/src/features/body-map/tooltip-place'

const WINDOW = { width: 1280, height: 800 }
const TIP = { width: 200, height: 80 }
const dot = (left: number, top: number) => ({ left, top, width: 10, height: 10 })
const inside = (p: { left: number; top: number }) =>
  p.left >= 0 &&
  p.top >= 0 &&
  p.left + TIP.width <= WINDOW.width &&
  p.top + TIP.height <= WINDOW.height

describe('placeTooltip', () => {
  it('goes to the right of the marker, centred on it, when there is room', () => {
    expect(placeTooltip(dot(400, 400), TIP, WINDOW)).toEqual({ left: 422, top: 365 })
  })

  it('flips to the left of a marker near the right edge', () => {
    const place = placeTooltip(dot(1200, 400), TIP, WINDOW)
    expect(place).toEqual({ left: 988, top: 365 })
    expect(inside(place)).toBe(true)
  })

  it('shifts down from the top edge and up from the bottom edge', () => {
    expect(placeTooltip(dot(400, 2), TIP, WINDOW).top).toBe(8)
    expect(placeTooltip(dot(400, 795), TIP, WINDOW).top).toBe(800 - 8 - 80)
  })

  it('goes below (or above) the marker when neither side has room, inside the window', () => {
    const narrow = { width: 300, height: 800 }
    const below = placeTooltip(dot(140, 100), TIP, narrow)
    expect(below).toEqual({ left: 45, top: 122 })
    const above = placeTooltip(dot(140, 760), TIP, narrow)
    expect(above.top).toBe(760 - 12 - 80)
  })
})
