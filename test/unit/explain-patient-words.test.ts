import { describe, expect, it } from 'vitest'
import { loadBuiltinAtlas } from '../../src/main/core/atlas/builtin-atlas'
import { explainViews, patientMuscleName } from '../../src/shared/atlas/patient-words'
import { RESOURCES } from '../print/print-fixtures'

describe("explain mode's words for patients", () => {
  const { muscles, problems } = loadBuiltinAtlas(RESOURCES)

  it('every shipped muscle has plain words with its own name in brackets', () => {
    expect(problems).toEqual([])
    expect(muscles).toHaveLength(54)
    const missing = muscles.filter(
      (m) => !/^[a-z][^()]* \([^()]+\)$/.test(m.content.patientName ?? '')
    )
    expect(missing.map((m) => `${m.id}: ${m.content.patientName ?? '(none)'}`)).toEqual([])
    // Plain words first: no Latin muscle name before the brackets.
    const latinFirst = muscles.filter((m) => {
      const words = (m.content.patientName ?? '').split(' (')[0] ?? ''
      return words.toLowerCase().includes(m.content.name.toLowerCase())
    })
    expect(latinFirst.map((m) => m.id)).toEqual([])
  })

  it('capitalises the plain words, and falls back to the name', () => {
    expect(
      patientMuscleName({ name: 'Deltoid', patientName: 'shoulder cap muscle (deltoid)' })
    ).toBe('Shoulder cap muscle (deltoid)')
    expect(patientMuscleName({ name: 'Supraspinatus', patientName: null })).toBe('Supraspinatus')
    expect(patientMuscleName({ name: 'Supraspinatus', patientName: '  ' })).toBe('Supraspinatus')
  })

  it('shows the views a muscle is drawn on, front first', () => {
    const tp = (markers: ('front' | 'back')[], zones: ('front' | 'back')[]) => ({
      id: 'x-1',
      name: 'x',
      markers: markers.map((view) => ({ view, x: 1, y: 1 })),
      zones: zones.map((view) => ({ view, cx: 1, cy: 1, rx: 1, ry: 1 }))
    })
    expect(explainViews({ triggerPoints: [tp(['back'], ['back'])] })).toEqual(['back'])
    expect(explainViews({ triggerPoints: [tp(['back'], ['front'])] })).toEqual(['front', 'back'])
  })
})
