import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { IpcMain } from 'electron'
import { CHANNELS, contract } from '../../src/shared/api'
import type { ApiResult, Channel } from '../../src/shared/api'
import type { Handlers } from '../../src/main/core/api/handlers'
import { registerIpc } from '../../src/main/ipc'
import { APP_ORIGIN, trustedOrigins } from '../../src/main/origins'
import type { TrustedOrigins } from '../../src/main/origins'

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron())
vi.mock('electron', () => fake.module)

/** A core whose every handler records its calls; `app:info` answers with a valid AppInfo. */
function recordingCore() {
  const calls: Array<{ channel: Channel; input: unknown }> = []
  const handlers = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      (input: unknown) => {
        calls.push({ channel, input })
        return {
          version: '0.1.0',
          dataDir: '/data',
          schemaVersion: 1,
          sqliteVersion: '3.53.2',
          readOnly: false,
          readOnlyReason: null
        }
      }
    ])
  ) as unknown as Handlers
  return { handlers, calls }
}

const senderAt = (url: string | null | undefined) => ({
  senderFrame: url === undefined ? undefined : url === null ? null : { url, parent: null }
})

type IpcHandler = (
  event: unknown,
  input: unknown
) => Promise<ApiResult<unknown>> | ApiResult<unknown>

function invoke(channel: string, event: unknown, input: unknown): Promise<ApiResult<unknown>> {
  const handler = fake.ipcHandlers.get(channel) as IpcHandler | undefined
  if (handler === undefined) throw new Error(`${channel} is not registered`)
  return Promise.resolve(handler(event, input))
}

const packaged: TrustedOrigins = trustedOrigins({}, true)
const APP_PAGE = `${APP_ORIGIN}/index.html#/articles/what-is-ims`

let core: ReturnType<typeof recordingCore>
beforeEach(() => {
  fake.ipcHandlers.clear()
  core = recordingCore()
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  registerIpc(fake.module.ipcMain as unknown as IpcMain, core.handlers, packaged)
})

describe('IPC registration (S6)', () => {
  it('registers exactly one handler per contract channel', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort())
  })

  it('passes a valid call from the app page to the core', async () => {
    const result = await invoke('app:info', senderAt(APP_PAGE), {})
    expect(result.ok).toBe(true)
    expect(core.calls).toEqual([{ channel: 'app:info', input: {} }])
  })

  it('removes every handler again', () => {
    const unregister = registerIpc(
      fake.module.ipcMain as unknown as IpcMain,
      core.handlers,
      packaged
    )
    unregister()
    expect(fake.ipcHandlers.size).toBe(0)
  })
})

const FOREIGN_SENDERS: Array<[string, string | null | undefined]> = [
  ['a web page', 'https://evil.example/'],
  ['a local file', 'file:///home/clinic/evil.html'],
  ['another app:// host', 'app://evil/index.html'],
  ['a look-alike host', 'app://pointbook.evil.example/index.html'],
  ['a dev server in a packaged app', 'http://localhost:5173/'],
  ['about:blank', 'about:blank'],
  ['a data: document', 'data:text/html,<script>1</script>'],
  ['DevTools', 'devtools://devtools/bundled/inspector.html'],
  ['an empty frame URL', ''],
  ['a destroyed frame (null)', null],
  ['no sender frame at all', undefined]
]

describe.each(CHANNELS)('%s', (channel) => {
  it.each(FOREIGN_SENDERS)(
    'refuses %s with forbidden, before looking at the input',
    async (_, url) => {
      for (const input of [{}, 42, { unexpected: true }]) {
        const result = await invoke(channel, senderAt(url), input)
        expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      }
      expect(core.calls).toEqual([])
    }
  )

  it.each([
    ['a number', 42],
    ['a string', 'articles'],
    ['an array', [1, 2]],
    ['an unexpected key', { unexpected: true }],
    ['a prototype-polluting key', JSON.parse('{"__proto__": {"admin": true}, "unexpected": 1}')]
  ])('refuses %s as invalid_input without calling the core', async (_, input) => {
    const result = await invoke(channel, senderAt(APP_PAGE), input)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(core.calls).toEqual([])
  })

  it('declares a strict input schema (unknown keys are errors, not silently dropped)', () => {
    const parsed = contract[channel].input.safeParse({ unexpected: true })
    expect(parsed.success).toBe(false)
  })
})

describe('IPC in development', () => {
  it('trusts the dev server origin only when it is configured and the app is not packaged', async () => {
    fake.ipcHandlers.clear()
    const dev = trustedOrigins({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, false)
    registerIpc(fake.module.ipcMain as unknown as IpcMain, core.handlers, dev)
    expect(await invoke('app:info', senderAt('http://localhost:5173/#/'), {})).toMatchObject({
      ok: true
    })
    expect(await invoke('app:info', senderAt('http://localhost:5174/'), {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' }
    })
    expect(await invoke('app:info', senderAt('https://localhost:5173/'), {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' }
    })
  })
})
