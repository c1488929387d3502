import { resolve } from 'node:path'
import type { AppInfo } from '../../shared/api/app'
import { createHandlers } from './api/create-handlers'
import type { Handlers } from './api/handlers'
import type { Clock } from './clock'
import { importBuiltinContent } from './content/import-builtin-content'
import { createBackup, isDailyBackupDue } from './db/backups'
import { readUserVersion } from './db/migrate'
import { openDatabase } from './db/open-database'
import type { Db } from './db/sqlite'
import { readSqliteCapabilities } from './db/sqlite-requirements'
import { consoleWarningLogger } from './logger'
import type { WarningLogger } from './logger'
import { createServices } from './services'
import type { CoreServices } from './services'
import { WriteGuard } from './write-guard'

/** Shown as the version when the shell does not pass one (tests, scripts). */
export const DEV_APP_VERSION = '0.0.0-dev'

export interface LibraryOptions {
  /** The folder holding pointbook.sqlite and backups/ (see resolveDataDir). */
  readonly dataDir: string
  /** The app's resources folder: built-in content is read from `<resourcesDir>/content/`. */
  readonly resourcesDir: string
  /** better-sqlite3 addon for the running runtime (the Electron build in the app). */
  readonly nativeBinding?: string
  /** Every timestamp comes from here (tests fix it). */
  readonly now?: Clock
  readonly appVersion?: string
  /** Where non-fatal problems go (a bad built-in file, a failed daily backup). */
  readonly warn?: WarningLogger
}

export interface Library {
  readonly dataDir: string
  /** One handler per contract channel; wire them with dispatch() (IPC or the e2e harness). */
  readonly handlers: Handlers
  /** For sibling core modules and tests; the renderer never sees it. */
  readonly db: Db
  readonly services: CoreServices
  info(): AppInfo
  /** Closes the database; safe to call twice. */
  close(): void
}

/**
 * Opens the clinic's library: the database (checked, migrated, backed up), the built-in content
 * (imported on first run and upgrades), and the handler map for every contract channel.
 * Throws ApiError 'newer_database', 'corrupt_database', 'read_only' or 'io_error' with a
 * sentence the clinic can act on when the library cannot be opened.
 */
export function openLibrary(options: LibraryOptions): Library {
  const clock = options.now ?? (() => new Date())
  const warn = options.warn ?? consoleWarningLogger
  const appVersion = options.appVersion ?? DEV_APP_VERSION
  const dataDir = resolve(options.dataDir)
  const binding =
    options.nativeBinding !== undefined ? { nativeBinding: options.nativeBinding } : {}
  const opened = openDatabase({ dataDir, clock, appVersion, warn, ...binding })
  const { db } = opened
  try {
    const appInfo: AppInfo = {
      version: appVersion,
      dataDir,
      schemaVersion: readUserVersion(db),
      sqliteVersion: readSqliteCapabilities(db).version,
      readOnly: opened.readOnly,
      readOnlyReason: opened.readOnlyReason
    }
    const services = createServices({
      db,
      clock,
      warn,
      guard: new WriteGuard(opened.readOnly, opened.readOnlyReason),
      info: () => ({ ...appInfo })
    })
    if (!opened.readOnly) {
      const backup = (reason: 'pre-import' | 'daily'): void => {
        createBackup(db, dataDir, reason, { clock, ...binding })
      }
      runStep('Importing the built-in content', warn, () =>
        importBuiltinContent(services, {
          resourcesDir: options.resourcesDir,
          backupBeforeChanges: () => backup('pre-import')
        })
      )
      runStep('The daily backup', warn, () => {
        if (isDailyBackupDue(dataDir, clock)) backup('daily')
      })
    }
    return {
      dataDir,
      handlers: createHandlers(services),
      db,
      services,
      info: services.info,
      close: () => closeDatabase(db, opened.readOnly)
    }
  } catch (error) {
    db.close()
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
  // Lets SQLite refresh its query-planner statistics where they are stale (cheap; see sqlite.org/pragma.html#pragma_optimize).
  if (!readOnly) db.pragma('optimize')
  db.close()
}
