import { describe, expect, it } from 'vitest'
import { BACK_DETAILS, FRONT_DETAILS } from '../../src/shared/atlas/figure-details'
import {
  fullOutline,
  isInsideSilhouette,
  silhouettePath,
  smoothPath
} from '../../src/shared/atlas/figure'
import { LANDMARKS, SPINE_LEVEL_Y } from '../../src/shared/atlas/landmarks'

describe('body-map artwork', () => {
  it('puts every landmark inside the silhouette of its view', () => {
    const outside = LANDMARKS.filter((l) => !isInsideSilhouette(l.view, l.x, l.y)).map((l) => l.id)
    expect(outside).toEqual([])
  })

  it('puts every spine level inside the back view', () => {
    for (const y of Object.values(SPINE_LEVEL_Y))
      expect(isInsideSilhouette('back', 200, y)).toBe(true)
  })

  it('is symmetric about x = 200 and stays inside the viewBox', () => {
    for (const view of ['front', 'back'] as const) {
      const outline = fullOutline(view)
      for (const q of outline) {
        expect(q.x).toBeGreaterThanOrEqual(0)
        expect(q.x).toBeLessThanOrEqual(400)
        expect(q.y).toBeGreaterThanOrEqual(0)
        expect(q.y).toBeLessThanOrEqual(1000)
        expect(outline.some((o) => o.x === 400 - q.x && o.y === q.y)).toBe(true)
      }
    }
  })

  it('leaves the space between arm and trunk, and between the legs, outside the figure', () => {
    expect(isInsideSilhouette('front', 115, 400)).toBe(false)
    expect(isInsideSilhouette('front', 200, 700)).toBe(false)
    expect(isInsideSilhouette('back', 285, 400)).toBe(false)
  })

  it('draws smooth closed paths with only finite numbers', () => {
    for (const view of ['front', 'back'] as const) {
      const d = silhouettePath(view)
      expect(d.startsWith('M')).toBe(true)
      expect(d.endsWith('Z')).toBe(true)
      expect(d).not.toMatch(/NaN|Infinity/)
    }
    for (const detail of [...FRONT_DETAILS, ...BACK_DETAILS]) {
      expect(detail.d).not.toMatch(/NaN|Infinity/)
    }
    expect(
      smoothPath(
        [
          { x: 0, y: 0 },
          { x: 10, y: 0 }
        ],
        false
      )
    ).toBe('M0 0 C1.7 0 8.3 0 10 0')
  })
})
