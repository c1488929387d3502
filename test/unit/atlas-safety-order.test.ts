/** Issue 12: safety flags in lists, most serious first; the rest behind "+N" (never dropped). */
import { describe, expect, it } from 'vitest'
import { SAFETY_FLAGS } from '../../src/shared/api/search'
import {
  bySeverity,
  FLAG_SEVERITY,
  splitFlags
} from '../../src/renderer/src/features/atlas/safety-order'

describe('safety flag severity', () => {
  it('ranks every flag of the contract once', () => {
    expect([...FLAG_SEVERITY].sort()).toEqual([...SAFETY_FLAGS].sort())
  })

  it('puts a lung puncture before vessels and nerves, and those before pregnancy', () => {
    expect(bySeverity(['pregnancy', 'nerve', 'other', 'pneumothorax', 'vessel'])).toEqual([
      'pneumothorax',
      'vessel',
      'nerve',
      'pregnancy',
      'other'
    ])
    expect(bySeverity(['deep-bleeding', 'eye', 'chest-wall'])).toEqual([
      'eye',
      'deep-bleeding',
      'chest-wall'
    ])
  })

  it('shows the most serious flag in a list and keeps every other one behind the count', () => {
    // Iliopsoas as shipped: vessel, nerve, other, pregnancy, deep-bleeding.
    expect(splitFlags(['vessel', 'nerve', 'other', 'pregnancy', 'deep-bleeding'])).toEqual({
      shown: ['vessel'],
      more: ['nerve', 'deep-bleeding', 'pregnancy', 'other']
    })
    expect(splitFlags(['nerve', 'pneumothorax'])).toEqual({
      shown: ['pneumothorax'],
      more: ['nerve']
    })
    expect(splitFlags(['nerve'])).toEqual({ shown: ['nerve'], more: [] })
    expect(splitFlags([])).toEqual({ shown: [], more: [] })
  })
})
