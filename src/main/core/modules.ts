import type { Channel } from '../../shared/api'
import { appModule } from './app/app-module'
import { articleModule } from './articles/article-module'
import { atlasModule } from './atlas/atlas-module'
import { backupModule } from './backups/backup-module'
import { trackingModule } from './content/tracking-module'
import { diagramModule } from './diagrams/diagram-module'
import { handoutModule } from './handouts/handout-module'
import type { BuiltinContent, CoreModule, ModuleContext } from './module'
import { noteModule } from './notes/note-module'
import { printModule } from './print/print-module'
import { explainModule } from './print/explain-module'
import { roleModule } from './role/role-module'
import { searchModule } from './search/search-module'
import { settingsModule } from './settings/settings-module'
import { syncModule } from './sync/sync-module'
import { networkModule } from './network/network-module'
import { transferModule } from './transfer/transfer-module'
import type { Handlers } from './api/handlers'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list holds modules of every type
type AnyModule = CoreModule<string, any, unknown, Channel>

/**
 * An ordered list of modules whose type records every service built so far and every channel
 * handled: `add` does not compile when a module needs a service that no earlier module provides.
 */
class ModuleList<Services, Handled extends Channel> {
  // Types only (never set): what the list has built and handled so far.
  declare readonly services?: Services
  declare readonly handled?: Handled

  private constructor(readonly modules: readonly AnyModule[]) {}

  static empty(): ModuleList<object, never> {
    return new ModuleList([])
  }

  add<Name extends string, Needs, Service, C extends Channel>(
    module: CoreModule<Name, Needs, Service, C> &
      (Services extends Needs
        ? unknown
        : { readonly missingNeeds: Exclude<keyof Needs, keyof Services> })
  ): ModuleList<Services & { readonly [K in Name]: Service }, Handled | C> {
    return new ModuleList([...this.modules, module as AnyModule])
  }
}

/**
 * Every domain of the core, in the order they are built (a module comes after what it needs).
 * Adding a domain: its folder, and one line here.
 */
export const MODULES = ModuleList.empty()
  .add(appModule)
  .add(backupModule)
  .add(settingsModule)
  .add(searchModule)
  .add(trackingModule)
  .add(diagramModule)
  .add(articleModule)
  .add(handoutModule)
  .add(printModule)
  .add(atlasModule)
  .add(explainModule)
  .add(noteModule)
  .add(transferModule)
  .add(roleModule)
  .add(syncModule)
  .add(networkModule)

type ServicesOf<L> = L extends { readonly services?: infer S } ? S : never
type HandledBy<L> = L extends { readonly handled?: infer C } ? C : never

/** Every service of an open library, by module name (for tests and scripts, never the page). */
export type CoreServices = ServicesOf<typeof MODULES>

// A contract channel that no module handles is a compile error here.
const everyChannelHandled: [Exclude<Channel, HandledBy<typeof MODULES>>] extends [never]
  ? true
  : Exclude<Channel, HandledBy<typeof MODULES>> = true
void everyChannelHandled

export interface StartedModules {
  readonly services: CoreServices
  readonly handlers: Handlers
  /** Each module that ships content, with its service, in module order. */
  readonly builtins: readonly {
    readonly name: string
    readonly service: unknown
    readonly content: BuiltinContent<unknown>
  }[]
}

/** Builds every module's service in order, giving each only the services it names. */
export function startModules(context: ModuleContext): StartedModules {
  const services: Record<string, unknown> = {}
  const handlers: Record<string, unknown> = {}
  const builtins: StartedModules['builtins'][number][] = []
  for (const module of MODULES.modules) {
    const needs: Record<string, unknown> = {}
    for (const name of module.needs) {
      if (!(name in services)) {
        throw new Error(`The ${module.name} module needs ${name}, which is not built before it.`)
      }
      needs[name] = services[name]
    }
    const service = module.create(context, needs)
    services[module.name] = service
    if (module.handlers !== undefined) Object.assign(handlers, module.handlers(service, context))
    if (module.builtins !== undefined) {
      builtins.push({ name: module.name, service, content: module.builtins })
    }
  }
  return {
    services: services as unknown as CoreServices,
    handlers: handlers as Handlers,
    builtins
  }
}
