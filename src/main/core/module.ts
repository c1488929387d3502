import type { Channel } from '../../shared/api'
import type { AppInfo } from '../../shared/api/app'
import type { HandlerGroup } from './api/handlers'
import type { Clock } from './clock'
import type { Db, SqliteBinding } from './db/sqlite'
import type { WarningLogger } from './logger'
import type { Platform } from './platform'
import type { WriteGuard } from './write-guard'

/**
 * What the open library gives every module: the database and the few things every write needs.
 * Anything else a module uses comes from another module, named in its `needs`.
 */
export interface ModuleContext {
  readonly db: Db
  /** The folder holding the database, its backups and this computer's backup settings. */
  readonly dataDir: string
  /** The better-sqlite3 build to use when opening other files (backups). */
  readonly sqlite: SqliteBinding
  readonly clock: Clock
  readonly guard: WriteGuard
  readonly warn: WarningLogger
  readonly platform: Platform
  readonly appInfo: () => AppInfo
}

/** One start-up's import of a module's built-in content. */
export interface BuiltinImportRun {
  readonly resourcesDir: string
  readonly warn: WarningLogger
  /** Makes a backup (at most once per start-up); call it before changing existing items. */
  readonly beforeChangingExisting: () => void
}

/** A module's shipped content under `resources/content/` and how it is imported. */
export interface BuiltinContent<Service> {
  /** Folders under `resources/content/` that the importer reads; their hash decides whether it runs. */
  readonly folders: readonly string[]
  /**
   * Bump when the importer reads the same files differently, so an unchanged folder is imported
   * again after an upgrade of the app.
   */
  readonly importerVersion: number
  run(service: Service, run: BuiltinImportRun, context: ModuleContext): void
}

/**
 * What every domain provides (docs/architecture.md): its service, built from the context and the
 * services it names in `needs`; its share of the handler map; and, where it ships content, its
 * importer. `core/modules.ts` lists the modules in order.
 */
export interface CoreModule<Name extends string, Needs, Service, C extends Channel = never> {
  readonly name: Name
  /** The other modules' services this one is built from (only these are passed to `create`). */
  readonly needs: readonly (keyof Needs & string)[]
  create(context: ModuleContext, needs: Needs): Service
  readonly handlers?: (service: Service, context: ModuleContext) => HandlerGroup<C>
  readonly builtins?: BuiltinContent<Service>
}

/** Keeps a module's type parameters as written (an identity at run time). */
export const defineModule = <Name extends string, Needs, Service, C extends Channel = never>(
  module: CoreModule<Name, Needs, Service, C>
): CoreModule<Name, Needs, Service, C> => module
