import type { Channel, Contract } from '.'
import * as contractIndex from '.'
import type { Endpoint } from './contract'
import * as app from './app'
import * as articles from './articles'
import * as atlas from './atlas'
import * as backups from './backups'
import * as explain from './explain'
import * as handouts from './handouts'
import * as network from './network'
import * as notes from './notes'
import * as role from './role'
import * as search from './search'
import * as settings from './settings'
import * as sync from './sync'
import * as transfer from './transfer'

type Domain = Channel extends `${infer D}:${string}` ? D : never
type EndpointsOf<D extends Domain> = Pick<Contract, Extract<Channel, `${D}:${string}`>>

/**
 * Where each domain's endpoints are, read when one of its channels is first called. zod builds a
 * schema when its module loads, so in the main build each module above is a lazy namespace over
 * its own chunk (electron.vite.config.ts, LAZY_MODULES): a start-up builds no schema and a call
 * builds only its own domain's (docs/architecture.md §6). The renderer and tests load them as
 * usual. A domain added to the contract in index.ts gets its line here and its module in
 * LAZY_MODULES; until then its first call loads the whole contract, and
 * test/unit/contract-endpoints.test.ts fails naming it.
 */
const DOMAINS: { readonly [D in Domain]?: () => EndpointsOf<D> } = {
  app: () => app.appEndpoints,
  articles: () => articles.articleEndpoints,
  diagrams: () => articles.articleEndpoints,
  printLog: () => handouts.handoutEndpoints,
  atlas: () => atlas.atlasEndpoints,
  acupoints: () => atlas.atlasEndpoints,
  backups: () => backups.backupEndpoints,
  explain: () => explain.explainEndpoints,
  handouts: () => handouts.handoutEndpoints,
  notes: () => notes.notesEndpoints,
  role: () => role.roleEndpoints,
  search: () => search.searchEndpoints,
  settings: () => settings.settingsEndpoints,
  transfer: () => transfer.transferEndpoints,
  sync: () => sync.syncEndpoints,
  network: () => network.networkEndpoints
}

/** The domains whose schemas load on their own (the rest load with the whole contract). */
export const SEPARATE_DOMAINS: readonly string[] = Object.keys(DOMAINS)

/** The contract's endpoint for `channel`, or undefined when no such channel exists. */
export function endpointOf(channel: unknown): Endpoint | undefined {
  if (typeof channel !== 'string') return undefined
  const domain = channel.slice(0, channel.indexOf(':'))
  const endpoints: Readonly<Record<string, Endpoint>> = Object.hasOwn(DOMAINS, domain)
    ? (DOMAINS[domain as Domain]?.() ?? {})
    : contractIndex.contract
  return Object.hasOwn(endpoints, channel) ? endpoints[channel] : undefined
}
