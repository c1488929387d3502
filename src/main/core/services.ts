import type { AppInfo } from '../../shared/api/app'
import { ArticleRepository } from './articles/article-repository'
import { ArticleService } from './articles/article-service'
import type { Clock } from './clock'
import { BuiltinTracking } from './content/builtin-tracking'
import type { Db } from './db/sqlite'
import { DiagramCache } from './diagrams/diagram-cache'
import { createHandoutServices } from './handouts/feature'
import type { HandoutServices } from './handouts/feature'
import { createAtlasServices } from './atlas/feature'
import type { AtlasServices } from './atlas/feature'
import type { WarningLogger } from './logger'
import { SearchIndex } from './search/search-index'
import type { WriteGuard } from './write-guard'

/** What every service needs from the open library. */
export interface CoreContext {
  readonly db: Db
  readonly clock: Clock
  readonly guard: WriteGuard
  readonly warn: WarningLogger
  readonly info: () => AppInfo
}

/**
 * Every core service, built once per open library. Handler groups take what they need from it;
 * a new feature adds its service here and its handler group in api/create-handlers.ts.
 */
export interface CoreServices extends CoreContext, HandoutServices, AtlasServices {
  readonly search: SearchIndex
  readonly tracking: BuiltinTracking
  readonly articleRepository: ArticleRepository
  readonly articles: ArticleService
  readonly diagrams: DiagramCache
}

export function createServices(context: CoreContext): CoreServices {
  const { db, clock, guard } = context
  const search = new SearchIndex(db)
  const tracking = new BuiltinTracking(db)
  const articleRepository = new ArticleRepository(db)
  const articles = new ArticleService({
    db,
    repository: articleRepository,
    search,
    tracking,
    clock,
    guard
  })
  const diagrams = new DiagramCache(db, clock, guard)
  return {
    ...context,
    search,
    tracking,
    articleRepository,
    articles,
    diagrams,
    ...createHandoutServices({ ...context, search, tracking, diagrams }),
    ...createAtlasServices({ ...context, search, tracking })
  }
}
