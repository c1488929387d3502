/**
 * The renderer's one door to the outside world. Nothing else in src/renderer may touch
 * `window.pointbook` (the bridge the preload, or the e2e harness, defines).
 *
 * The bridge's functions resolve to `ApiResult`s; `api` unwraps them so that callers get plain
 * values and failures arrive as thrown `ApiError`s whose message can be shown to the user as is.
 *
 * Only `errors.ts` of the contract is imported as a value: the rest is types, so the zod schemas
 * stay out of the start-up chunk.
 */
import type { BRIDGE_GLOBAL, BridgeApi, PointbookApi } from '../../../shared/api'
import { ApiError, isApiErrorData } from '../../../shared/api/errors'

const BRIDGE_NAME: typeof BRIDGE_GLOBAL = 'pointbook'

export const BRIDGE_MISSING_MESSAGE =
  'Pointbook cannot reach its library: the connection to the data store is missing. ' +
  'Close and reopen the app; if this keeps happening, reinstall it.'

type AnyBridgeFn = (input: unknown) => Promise<unknown>

function bridge(): BridgeApi {
  const value: unknown = (window as unknown as Record<string, unknown>)[BRIDGE_NAME]
  if (typeof value !== 'object' || value === null) {
    throw new ApiError('internal', BRIDGE_MISSING_MESSAGE)
  }
  return value as BridgeApi
}

/** True when the bridge is installed (used to show a clear start-up error instead of a blank app). */
export function isBridgeAvailable(): boolean {
  const value: unknown = (window as unknown as Record<string, unknown>)[BRIDGE_NAME]
  return typeof value === 'object' && value !== null
}

async function call(domain: string, verb: string, input: unknown): Promise<unknown> {
  const group = (bridge() as unknown as Record<string, Record<string, AnyBridgeFn> | undefined>)[
    domain
  ]
  const fn = group?.[verb]
  if (typeof fn !== 'function') {
    throw new ApiError('unknown_channel', `This action (${domain}:${verb}) is not available.`)
  }
  let result: unknown
  try {
    result = await fn(input ?? {})
  } catch (error) {
    console.error(`Pointbook: ${domain}:${verb} did not answer`, error)
    throw new ApiError('internal', 'Pointbook did not answer. Nothing was changed; try again.')
  }
  if (typeof result === 'object' && result !== null && 'ok' in result) {
    const r = result as { ok: unknown; value?: unknown; error?: unknown }
    if (r.ok === true) return r.value
    if (r.ok === false && isApiErrorData(r.error)) throw new ApiError(r.error.code, r.error.message)
  }
  throw new ApiError('internal', 'Pointbook gave an answer it could not read. Nothing was changed.')
}

const domains = new Map<string, unknown>()

function domainProxy(domain: string): unknown {
  let proxy = domains.get(domain)
  if (!proxy) {
    proxy = new Proxy(
      {},
      {
        get: (_target, verb) =>
          // `then` is probed by `await`; a domain object must never look like a promise.
          typeof verb === 'string' && verb !== 'then'
            ? (input?: unknown) => call(domain, verb, input)
            : undefined
      }
    )
    domains.set(domain, proxy)
  }
  return proxy
}

/**
 * `api.articles.get({ id })` → the article, or a thrown ApiError. The bridge is looked up at call
 * time, so a missing bridge surfaces as an error on the screen that needed it.
 */
export const api: PointbookApi = new Proxy({} as PointbookApi, {
  get: (_target, domain) =>
    typeof domain === 'string' && domain !== 'then' ? domainProxy(domain) : undefined
})

interface EarlyRequest {
  readonly promise: Promise<unknown>
  /** Set once the answer is in: the first render can then show it without waiting. */
  answer?: { readonly value: unknown }
}

const early = new Map<() => Promise<unknown>, EarlyRequest>()

/**
 * Sends `load`'s request now, before React has mounted (main.tsx, for the start screen), so the
 * answer is on its way while the renderer sets itself up. The screen takes it with `takeEarly`,
 * or with `takeEarlyAnswer` during its first render when it has already arrived.
 */
export function startEarly(load: () => Promise<unknown>): void {
  const request: EarlyRequest = {
    promise: load().then((value) => {
      request.answer = { value }
      return value
    })
  }
  // Whoever takes it handles a failure; until then it must not count as unhandled.
  request.promise.catch(() => undefined)
  early.set(load, request)
}

/** Resolves once every early request has been answered (or has failed). */
export function earlyAnswers(): Promise<void> {
  return Promise.all([...early.values()].map((r) => r.promise.catch(() => undefined))).then(
    () => undefined
  )
}

/** The answer `startEarly(load)` asked for, the first time only; a new call to `load` after that. */
export function takeEarly<T>(load: () => Promise<T>): Promise<T> {
  const request = early.get(load)
  if (!request) return load()
  early.delete(load)
  return request.promise as Promise<T>
}

/** The early answer for `load` if it is already here (taken, so only once); otherwise undefined. */
export function takeEarlyAnswer<T>(load: () => Promise<T>): { readonly value: T } | undefined {
  const answer = early.get(load)?.answer as { readonly value: T } | undefined
  if (answer) early.delete(load)
  return answer
}

export { ApiError }
