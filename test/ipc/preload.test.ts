import { beforeAll, describe, expect, it, vi } from 'vitest'
import { BRIDGE_GLOBAL, CHANNELS } from '../../src/shared/api'

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron())
vi.mock('electron', () => fake.module)

type Bridge = Record<string, Record<string, (input: unknown) => Promise<unknown>>>

let bridge: Bridge
beforeAll(async () => {
  await import('../../src/preload/index')
  bridge = fake.exposedInMainWorld.get(BRIDGE_GLOBAL) as Bridge
})

const expectedShape = (): Record<string, string[]> => {
  const shape: Record<string, string[]> = {}
  for (const channel of CHANNELS) {
    const [domain, verb] = channel.split(':') as [string, string]
    shape[domain] = [...(shape[domain] ?? []), verb].sort()
  }
  return shape
}

describe('preload (S6)', () => {
  it('exposes one global, under BRIDGE_GLOBAL, and nothing else', () => {
    expect(fake.module.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
    expect([...fake.exposedInMainWorld.keys()]).toEqual([BRIDGE_GLOBAL])
  })

  it('exposes exactly the contract: one function per channel, grouped by domain', () => {
    const actual = Object.fromEntries(
      Object.entries(bridge).map(([domain, verbs]) => [domain, Object.keys(verbs).sort()])
    )
    expect(actual).toEqual(expectedShape())
    for (const verbs of Object.values(bridge)) {
      for (const fn of Object.values(verbs)) expect(typeof fn).toBe('function')
    }
  })

  it('exposes no ipcRenderer, send/on, invoke, process or env at any level', () => {
    const names = new Set<string>()
    const collect = (value: unknown): void => {
      if (typeof value !== 'object' || value === null) return
      for (const [key, child] of Object.entries(value)) {
        names.add(key)
        collect(child)
      }
    }
    collect(bridge)
    for (const forbidden of ['ipcRenderer', 'send', 'on', 'once', 'invoke', 'process', 'env']) {
      expect(names.has(forbidden)).toBe(false)
    }
  })

  it('freezes the API so the page cannot swap a function', () => {
    expect(Object.isFrozen(bridge)).toBe(true)
    for (const verbs of Object.values(bridge)) expect(Object.isFrozen(verbs)).toBe(true)
  })

  it('each function invokes only its own channel, with the input as given', async () => {
    for (const channel of CHANNELS) {
      const [domain, verb] = channel.split(':') as [string, string]
      fake.module.ipcRenderer.invoke.mockClear()
      const input = { probe: channel }
      const result = await bridge[domain]?.[verb]?.(input)
      expect(fake.module.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(channel, input)
      expect(result).toEqual({ ok: true, value: { channel, input } })
    }
    expect(fake.module.ipcRenderer.send).not.toHaveBeenCalled()
    expect(fake.module.ipcRenderer.on).not.toHaveBeenCalled()
  })
})
