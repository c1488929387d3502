import type { Clock } from '../clock'
import type { BuiltinTracking } from '../content/builtin-tracking'
import type { Db } from '../db/sqlite'
import type { WarningLogger } from '../logger'
import { NoteService } from '../notes/note-service'
import type { SearchIndex } from '../search/search-index'
import type { WriteGuard } from '../write-guard'
import { AtlasService } from './atlas-service'

/**
 * Issue 4's services, added to CoreServices (services.ts): the trigger-point atlas with the
 * acupoints, and practitioner notes (which look up the atlas for the titles of what they belong to).
 */
export interface AtlasServices {
  readonly atlas: AtlasService
  readonly notes: NoteService
}

export function createAtlasServices(context: {
  readonly db: Db
  readonly clock: Clock
  readonly guard: WriteGuard
  readonly search: SearchIndex
  readonly tracking: BuiltinTracking
  readonly newNoteId?: () => string
}): AtlasServices {
  const atlas = new AtlasService(context)
  const notes = new NoteService({
    ...context,
    atlasTitle: (kind, id) => atlas.titleOf(kind, id),
    ...(context.newNoteId ? { newId: context.newNoteId } : {})
  })
  return { atlas, notes }
}

/** The built-in atlas importer (one line in content/import-builtin-content.ts). */
export function importBuiltinAtlas(
  resourcesDir: string,
  deps: {
    readonly atlas: AtlasService
    readonly warn: WarningLogger
    readonly beforeChangingExisting: () => void
  }
): void {
  deps.atlas.importBuiltins(resourcesDir, deps.warn, deps.beforeChangingExisting)
}
