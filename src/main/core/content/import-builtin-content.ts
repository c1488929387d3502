import { importBuiltinArticles } from '../articles/builtin-articles'
import { importBuiltinHandouts } from '../handouts/feature'
import { importBuiltinAtlas } from '../atlas/feature'
import { importBuiltinDiagrams } from '../diagrams/builtin-diagrams'
import type { CoreServices } from '../services'

export interface BuiltinImportContext {
  readonly resourcesDir: string
  /** Makes a backup; called at most once, and only before an import changes existing items. */
  readonly backupBeforeChanges: () => void
}

/**
 * Imports every kind of built-in content on start-up (first run and upgrades). Each feature's
 * importer is one line here; each reports bad files as warnings and never stops start-up.
 */
export function importBuiltinContent(services: CoreServices, context: BuiltinImportContext): void {
  let backedUp = false
  const backupOnce = (): void => {
    if (backedUp) return
    context.backupBeforeChanges()
    backedUp = true
  }
  importBuiltinArticles(context.resourcesDir, {
    db: services.db,
    articles: services.articles,
    repository: services.articleRepository,
    tracking: services.tracking,
    warn: services.warn,
    beforeChangingExisting: backupOnce
  })
  importBuiltinHandouts(context.resourcesDir, { ...services, beforeChangingExisting: backupOnce })
  importBuiltinAtlas(context.resourcesDir, { ...services, beforeChangingExisting: backupOnce })
  importBuiltinDiagrams(context.resourcesDir, services)
}
