import { describe, expect, it } from 'vitest'
import { CHANNELS, contract } from '../../src/shared/api'
import { SEPARATE_DOMAINS, endpointOf } from '../../src/shared/api/endpoints'

// dispatch() finds a channel's schemas through endpointOf, which the main build loads domain by
// domain on first use (docs/architecture.md §6): it must answer exactly what the contract says.
describe('the contract, domain by domain', () => {
  it('gives every channel the endpoint the contract declares', () => {
    for (const channel of CHANNELS) expect(endpointOf(channel)).toBe(contract[channel])
  })

  it('lists every domain of the contract (a missing one would load the whole contract)', () => {
    const domains = new Set(CHANNELS.map((channel) => channel.split(':')[0]))
    expect([...domains].filter((domain) => !SEPARATE_DOMAINS.includes(domain ?? ''))).toEqual([])
  })

  it('knows no other channel', () => {
    for (const name of ['articles:nope', 'nope:list', 'articles', '', 'toString', '__proto__:x']) {
      expect(endpointOf(name)).toBeUndefined()
    }
    expect(endpointOf(42)).toBeUndefined()
    expect(endpointOf(null)).toBeUndefined()
  })
})
