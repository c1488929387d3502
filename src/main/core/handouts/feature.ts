import type { Clock } from '../clock'
import type { BuiltinTracking } from '../content/builtin-tracking'
import type { Db } from '../db/sqlite'
import type { WarningLogger } from '../logger'
import { PrintService } from '../print/print-service'
import type { SearchIndex } from '../search/search-index'
import { SettingsService } from '../settings/settings-service'
import type { WriteGuard } from '../write-guard'
import { HandoutService } from './handout-service'

/**
 * Issue 3's services, added to CoreServices (services.ts): handouts, the clinic profile and the
 * print pipeline. Printing needs the shell: it plugs the print window and save dialog in with
 * `services.print.setPorts(...)` (the e2e harness plugs in Chromium and a stub dialog).
 */
export interface HandoutServices {
  readonly handouts: HandoutService
  readonly settings: SettingsService
  readonly print: PrintService
}

export function createHandoutServices(context: {
  readonly db: Db
  readonly clock: Clock
  readonly guard: WriteGuard
  readonly warn: WarningLogger
  readonly search: SearchIndex
  readonly tracking: BuiltinTracking
  readonly diagrams?: { get(source: string): string | null } | undefined
}): HandoutServices {
  const handouts = new HandoutService(context)
  const settings = new SettingsService(context)
  const diagrams = context.diagrams
  const print = new PrintService({
    ...context,
    handouts,
    settings,
    diagramSvg: diagrams === undefined ? undefined : (source) => diagrams.get(source)
  })
  return { handouts, settings, print }
}

/** The built-in handouts importer (one line in content/import-builtin-content.ts). */
export function importBuiltinHandouts(
  resourcesDir: string,
  deps: {
    readonly handouts: HandoutService
    readonly warn: WarningLogger
    readonly beforeChangingExisting: () => void
  }
): void {
  deps.handouts.importBuiltins(resourcesDir, deps.warn, deps.beforeChangingExisting)
}
