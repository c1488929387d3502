/**
 * The two halves of the adapter's `contextBridge`, as scripts for the page (CDP
 * `Page.addScriptToEvaluateOnNewDocument`). The preload runs in an isolated world; the page's
 * main world gets only proxies of what it exposes. The worlds share the DOM, not JavaScript
 * objects, so they talk through synchronous CustomEvents on `document` carrying JSON strings (a
 * listener runs in the world that added it). A call names a path inside an exposed object, never
 * a channel; the isolated side calls the function found there (own properties only) or refuses.
 *
 * Both scripts run before any page script, in an order Chromium does not promise: the main world
 * announces itself (READY) and the isolated world offers what was exposed (OFFER) at start and
 * again on every READY, so whichever runs second completes the handshake.
 */
export const BRIDGE_EVENTS = {
  ready: 'pointbook-adapter:ready',
  offer: 'pointbook-adapter:offer',
  call: 'pointbook-adapter:call',
  reply: 'pointbook-adapter:reply'
} as const

export interface IsolatedWorldConfig {
  readonly events: typeof BRIDGE_EVENTS
  /** The CDP binding to main (Runtime.addBinding, only in the isolated world). */
  readonly binding: string
  /** The isolated world's function main calls (Runtime.evaluate) with an IPC reply. */
  readonly replyFunction: string
}

/** Shape of an exposed value: 'function', or an object of shapes. */
export type ExposedShape = 'function' | { readonly [key: string]: ExposedShape }

/** What the main world sends with a call (JSON). */
export interface BridgeCall {
  readonly id: number
  readonly path: readonly string[]
  /** The arguments as JSON, parsed in the isolated world. */
  readonly args: string
}

/** What the isolated world answers (JSON). */
export type BridgeReply =
  { readonly id: number; readonly value: unknown } | { readonly id: number; readonly error: string }

/** The adapter's IPC envelope: the handler's value, or the message it threw. */
export type IpcEnvelope = { readonly value: unknown } | { readonly error: string }

export interface PreloadModules {
  readonly contextBridge: { exposeInMainWorld(key: string, api: unknown): void }
  readonly ipcRenderer: { invoke(channel: string, ...args: unknown[]): Promise<unknown> }
}

/**
 * Isolated world, before the preload: builds `contextBridge` and `ipcRenderer` over the binding
 * and returns the `require` the preload bundle is given (it knows 'electron' and nothing else).
 * Electron runs a window's preload in its main frame only (nodeIntegrationInSubFrames is off).
 */
export function isolatedWorld(config: IsolatedWorldConfig): ((name: string) => unknown) | null {
  if (window !== window.top) return null
  const { events } = config
  const scope = globalThis as unknown as Record<string, unknown>
  const send = scope[config.binding] as (payload: string) => void
  const pending = new Map<number, (envelope: IpcEnvelope) => void>()
  let nextInvoke = 0
  scope[config.replyFunction] = (id: number, envelope: string) => {
    const settle = pending.get(id)
    pending.delete(id)
    settle?.(JSON.parse(envelope) as IpcEnvelope)
  }
  const ipcRenderer: PreloadModules['ipcRenderer'] = {
    invoke: (channel, ...args) =>
      new Promise((resolve, reject) => {
        const id = ++nextInvoke
        pending.set(id, (envelope) =>
          'error' in envelope ? reject(new Error(envelope.error)) : resolve(envelope.value)
        )
        send(JSON.stringify({ id, channel, args }))
      })
  }

  const exposed = new Map<string, unknown>()
  const shapeOf = (value: unknown): ExposedShape => {
    if (typeof value === 'function') return 'function'
    if (typeof value !== 'object' || value === null) {
      throw new Error('The e2e adapter exposes functions and objects of functions only.')
    }
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shapeOf(inner)]))
  }
  const emit = (type: string, detail: string): boolean =>
    document.dispatchEvent(new CustomEvent(type, { detail }))
  const offer = (): void => {
    emit(events.offer, JSON.stringify([...exposed].map(([key, api]) => [key, shapeOf(api)])))
  }
  const contextBridge: PreloadModules['contextBridge'] = {
    exposeInMainWorld: (key, api) => {
      if (exposed.has(key))
        throw new Error(`Cannot bind an API on top of an existing property "${key}"`)
      exposed.set(key, api)
      offer()
    }
  }
  /** The function at `path` inside an exposed object: own properties only, never a prototype's. */
  const functionAt = (path: unknown): ((...args: unknown[]) => unknown) | null => {
    if (!Array.isArray(path) || path.length === 0) return null
    let value: unknown = exposed
    for (const key of path) {
      if (typeof key !== 'string') return null
      if (value === exposed) {
        value = exposed.get(key)
        continue
      }
      if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return null
      value = (value as Record<string, unknown>)[key]
    }
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown) : null
  }
  document.addEventListener(events.ready, offer)
  document.addEventListener(events.call, (event) => {
    let call: BridgeCall
    try {
      call = JSON.parse(String((event as CustomEvent<unknown>).detail)) as BridgeCall
    } catch {
      return
    }
    const reply = (answer: { value: unknown } | { error: string }): void => {
      emit(events.reply, JSON.stringify({ id: call.id, ...answer }))
    }
    const target = functionAt(call.path)
    if (target === null) {
      reply({ error: `Not an exposed function: ${JSON.stringify(call.path)}` })
      return
    }
    Promise.resolve()
      .then(() => target(...(JSON.parse(call.args) as unknown[])))
      .then(
        (value) => reply({ value }),
        (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) })
      )
  })
  return (name: string) => {
    if (name === 'electron') return { contextBridge, ipcRenderer } satisfies PreloadModules
    throw new Error(`Cannot find module '${name}' (a sandboxed preload may only require electron)`)
  }
}

/**
 * Main world: answers the isolated world's offer with a read-only global per exposed key whose
 * functions send a call event and resolve with the reply. References are taken before any page
 * script runs, so a page that replaces JSON or dispatchEvent later cannot redirect calls.
 */
export function mainWorld(events: typeof BRIDGE_EVENTS): void {
  if (window !== window.top) return
  const parse = JSON.parse
  const stringify = JSON.stringify
  const dispatch = EventTarget.prototype.dispatchEvent
  const doc = document
  const freeze = Object.freeze
  const define = Object.defineProperty
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  const defined = new Set<string>()
  let nextCall = 0
  const build = (shape: ExposedShape, path: readonly string[]): unknown => {
    if (shape === 'function') {
      return (...args: unknown[]) =>
        new Promise((resolve, reject) => {
          const id = ++nextCall
          pending.set(id, { resolve, reject })
          const detail = stringify({ id, path, args: stringify(args) } satisfies BridgeCall)
          dispatch.call(doc, new CustomEvent(events.call, { detail }))
        })
    }
    const object: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(shape)) object[key] = build(inner, [...path, key])
    return freeze(object)
  }
  doc.addEventListener(events.reply, (event) => {
    const reply = parse(String((event as CustomEvent<unknown>).detail)) as BridgeReply
    const waiting = pending.get(reply.id)
    if (waiting === undefined) return
    pending.delete(reply.id)
    if ('error' in reply) waiting.reject(new Error(reply.error))
    else waiting.resolve(reply.value)
  })
  doc.addEventListener(events.offer, (event) => {
    const offered = parse(String((event as CustomEvent<unknown>).detail)) as [
      string,
      ExposedShape
    ][]
    for (const [key, shape] of offered) {
      if (defined.has(key)) continue
      defined.add(key)
      define(window, key, { value: build(shape, [key]), enumerable: true })
    }
  })
  dispatch.call(doc, new CustomEvent(events.ready))
}
