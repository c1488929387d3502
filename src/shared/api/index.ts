import type { z } from 'zod'
import type { ApiResult } from './errors'
import { appEndpoints } from './app'
import { articleEndpoints } from './articles'
import { searchEndpoints } from './search'
import { handoutEndpoints } from './handouts'
import { settingsEndpoints } from './settings'
import { atlasEndpoints } from './atlas'
import { notesEndpoints } from './notes'
import { backupEndpoints } from './backups'
import { transferEndpoints } from './transfer'
import { explainEndpoints } from './explain'
import { roleEndpoints } from './role'
import { syncEndpoints } from './sync'
import { networkEndpoints } from './network'

/**
 * Every call between renderer and main. Each feature declares its endpoints in its own file and
 * adds them here; the preload, the IPC registration and the e2e harness are all generated from
 * this one object.
 */
export const contract = {
  ...appEndpoints,
  ...articleEndpoints,
  ...searchEndpoints,
  ...handoutEndpoints,
  ...settingsEndpoints,
  ...atlasEndpoints,
  ...notesEndpoints,
  ...backupEndpoints,
  ...transferEndpoints,
  ...roleEndpoints,
  ...explainEndpoints,
  ...syncEndpoints,
  ...networkEndpoints
} as const

export type Contract = typeof contract
export type Channel = keyof Contract
export type ApiInput<C extends Channel> = z.input<Contract[C]['input']>
export type ApiParsedInput<C extends Channel> = z.output<Contract[C]['input']>
export type ApiOutput<C extends Channel> = z.output<Contract[C]['output']>

export const CHANNELS = Object.keys(contract) as Channel[]

export const isChannel = (value: unknown): value is Channel =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value)

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never
type VerbOf<C extends string, D extends string> = C extends `${D}:${infer V}` ? V : never

type BridgeFn<C> = C extends Channel
  ? (input: ApiInput<C>) => Promise<ApiResult<ApiOutput<C>>>
  : never
type ApiFn<C> = C extends Channel ? (input: ApiInput<C>) => Promise<ApiOutput<C>> : never

/**
 * The API as the page sees it: `api.articles.get({ id })`. Functions resolve to an ApiResult; the
 * renderer's api module unwraps it (see src/renderer/src/lib/api.ts).
 */
export type BridgeApi = {
  readonly [D in DomainOf<Channel>]: {
    readonly [V in VerbOf<Channel, D>]: BridgeFn<`${D}:${V}`>
  }
}

/** The same API with results unwrapped: failures throw ApiError. */
export type PointbookApi = {
  readonly [D in DomainOf<Channel>]: {
    readonly [V in VerbOf<Channel, D>]: ApiFn<`${D}:${V}`>
  }
}

/** Name of the global the preload (or the e2e harness) defines in the page. */
export const BRIDGE_GLOBAL = 'pointbook'

/**
 * Builds the nested bridge object from a single invoke function. Used by the preload (invoke =
 * ipcRenderer.invoke) and the e2e harness (invoke = a Playwright binding), so both expose exactly
 * the same named functions and nothing else.
 */
export function buildBridge(
  invoke: (channel: Channel, input: unknown) => Promise<ApiResult<unknown>>
): BridgeApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<ApiResult<unknown>>>> = {}
  for (const channel of CHANNELS) {
    const [domain, verb] = channel.split(':') as [string, string]
    api[domain] ??= {}
    api[domain][verb] = (input: unknown) => invoke(channel, input)
  }
  for (const domain of Object.values(api)) Object.freeze(domain)
  return Object.freeze(api) as unknown as BridgeApi
}

export * from './errors'
export type { Endpoint } from './contract'
