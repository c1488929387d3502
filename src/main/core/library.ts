import { resolve } from 'node:path'
import type { ApiResult } from '../../shared/api'
import type { AppInfo } from '../../shared/api/app'
import { dispatch } from './api/dispatch'
import type { Handlers } from './api/handlers'
import { importChangedBuiltins } from './content/import-builtins'
import { carryOutRequestedRestore } from './backups/requested-restore'
import { acquireLibraryLock } from './db/library-lock'
import { readUserVersion } from './db/migrate'
import { openDatabase } from './db/open-database'
import type { Db } from './db/sqlite'
import { readSqliteCapabilities } from './db/sqlite-requirements'
import { consoleWarningLogger } from './logger'
import type { WarningLogger } from './logger'
import type { ModuleContext } from './module'
import { startModules } from './modules'
import type { CoreServices } from './modules'
import type { Platform } from './platform'
import { guardByRole } from './role/role-guard'
import { firstStartOffered } from './settings/first-start'
import { startHash } from './settings/start-screen'
import { WriteGuard } from './write-guard'

/** Shown as the version when the shell does not pass one (tests, scripts). */
export const DEV_APP_VERSION = '0.0.0-dev'

export interface LibraryOptions {
  /** The folder holding pointbook.sqlite and backups/ (see resolveDataDir). */
  readonly dataDir: string
  /** The app's resources folder: built-in content is read from `<resourcesDir>/content/`. */
  readonly resourcesDir: string
  /** What the platform supplies: PDF rendering, printing, the save dialog, the locale, the clock. */
  readonly platform?: Platform
  /** better-sqlite3 addon for the running runtime (the Electron build in the app). */
  readonly nativeBinding?: string
  readonly appVersion?: string
  /** Where non-fatal problems go (a bad built-in file, a failed daily backup). */
  readonly warn?: WarningLogger
  /**
   * When a large library that was closed cleanly gets its full integrity check: after the first
   * screen (`verifyIntegrity()`, or before the first write, whichever comes first; the default)
   * or before it opens ('at-start': the shell's choice after a check found damage).
   * docs/data-safety.md explains why both keep D5.
   */
  readonly integrityCheck?: 'after-first-screen' | 'at-start'
  /**
   * The clinic chose "Start a new, empty library" after being told its library is damaged,
   * missing or empty: the current file is kept aside and a new library is made.
   */
  readonly startNewLibrary?: boolean
}

/** The open library as the shell, the e2e harness and the renderer tests see it. */
export interface Library {
  readonly dataDir: string
  /** One handler per contract channel; wire them with dispatch() (IPC or the e2e harness). */
  readonly handlers: Handlers
  /** Calls one channel through dispatch(): input and output checked against the contract. */
  call(channel: unknown, input: unknown): Promise<ApiResult<unknown>>
  info(): AppInfo
  /**
   * The route the app opens on: the first-start setup while it is offered, '#/front-desk' when
   * Settings says so, otherwise ''.
   */
  startHash(): string
  /**
   * Finishes the full integrity check if it was left for after the first screen (the shell calls
   * it once the window has painted). 'damaged': the library refuses every write; reopen it with
   * `integrityCheck: 'at-start'` to offer the backup.
   */
  verifyIntegrity(): 'verified' | 'damaged'
  /** Closes the database; safe to call twice. */
  close(): void
}

/** What tests, the bench and scripts may reach beyond the contract; never the shell or page. */
export interface LibraryInternals {
  readonly db: Db
  readonly services: CoreServices
}

const internals = new WeakMap<Library, LibraryInternals>()

/** The database and services behind an open library (tests, bench and scripts only). */
export function libraryInternals(library: Library): LibraryInternals {
  const found = internals.get(library)
  if (found === undefined) throw new Error('This is not a library opened by openLibrary().')
  return found
}

/**
 * Opens the clinic's library: the database (checked, migrated, backed up), the built-in content
 * (imported on first run and whenever the shipped files change), and the handler map for every
 * contract channel. Throws ApiError 'newer_database', 'corrupt_database', 'read_only' or
 * 'io_error' with a sentence the clinic can act on when the library cannot be opened.
 */
export function openLibrary(options: LibraryOptions): Library {
  const platform = options.platform ?? {}
  const clock = platform.clock ?? (() => new Date())
  const warn = options.warn ?? consoleWarningLogger
  const appVersion = options.appVersion ?? DEV_APP_VERSION
  const dataDir = resolve(options.dataDir)
  const binding =
    options.nativeBinding !== undefined ? { nativeBinding: options.nativeBinding } : {}
  const lock = acquireLibraryLock(dataDir, clock())
  const release = lock.held ? lock.release : () => undefined
  let opened: ReturnType<typeof openDatabase>
  try {
    // A restore swaps the file: only the copy that holds the lock may do it.
    if (lock.held) carryOutRequestedRestore(dataDir, clock, warn, binding)
    opened = openDatabase({
      dataDir,
      clock,
      appVersion,
      warn,
      fullCheck: options.integrityCheck === 'at-start' ? 'at-start' : 'before-first-write',
      ...(options.startNewLibrary ? { startNewLibrary: true } : {}),
      ...(lock.held ? {} : { readOnlyBecause: lock.reason }),
      ...binding
    })
  } catch (error) {
    release()
    throw error
  }
  const { integrity } = opened
  const { db } = opened
  try {
    const schemaVersion = readUserVersion(db)
    const appInfo: AppInfo = {
      version: appVersion,
      dataDir,
      schemaVersion,
      sqliteVersion: readSqliteCapabilities(db).version,
      readOnly: opened.readOnly,
      readOnlyReason: opened.readOnlyReason
    }
    const context: ModuleContext = {
      db,
      dataDir,
      sqlite: binding,
      clock,
      warn,
      platform,
      guard: new WriteGuard(opened.readOnly, opened.readOnlyReason, () =>
        integrity.ensureVerified()
      ),
      appInfo: () => ({ ...appInfo })
    }
    const started = startModules(context)
    const { services } = started
    // The front-desk role is checked on every channel, in one wrapper (core/role/role-guard.ts).
    const handlers = guardByRole(started.handlers, services)
    if (!opened.readOnly) {
      runStep('Importing the built-in content', warn, () =>
        importChangedBuiltins(started.builtins, context, {
          resourcesDir: options.resourcesDir,
          schemaVersion,
          backupBeforeChanges: () => services.backups.backUpBeforeImport()
        })
      )
      services.backups.backUpIfDue()
    }
    const library: Library = {
      dataDir,
      handlers,
      call: (channel, input) => dispatch(handlers, channel, input),
      info: context.appInfo,
      startHash: () => {
        const profile = services.settings.startProfile()
        const { readOnly } = context.guard
        const offer = firstStartOffered(dataDir, profile.isSet, {
          readOnly,
          frontDesk: services.role.frontDesk
        })
        return startHash(profile, offer)
      },
      verifyIntegrity: () => (integrity.verify() === 'damaged' ? 'damaged' : 'verified'),
      close: () => {
        // The clinic network stops first; its replica closes on its own (tests await it).
        void services.network.close().finally(() => services.sync.sync.close())
        closeDatabase(db, opened.readOnly || integrity.state !== 'verified')
        release()
      }
    }
    internals.set(library, { db, services })
    return library
  } catch (error) {
    db.close()
    release()
    throw error
  }
}

/**
 * Start-up steps that must not keep the clinic out of its library: a failure is reported as a
 * warning and the library opens with what it has (the import is one transaction, so a failed
 * import changes nothing).
 */
function runStep(what: string, warn: WarningLogger, step: () => void): void {
  try {
    step()
  } catch (error) {
    warn(`${what} failed: ${error instanceof Error ? error.message : String(error)}`)
  }
}

function closeDatabase(db: Db, readOnly: boolean): void {
  if (!db.open) return
  // Lets SQLite refresh its query-planner statistics where they are stale; the analysis limit
  // keeps it cheap on a large library (a full ANALYZE at 10,000 items cost 92 ms, 0.8 ms with
  // it). See sqlite.org/pragma.html#pragma_optimize.
  if (!readOnly) {
    db.pragma('analysis_limit = 400')
    db.pragma('optimize')
  }
  db.close()
}
