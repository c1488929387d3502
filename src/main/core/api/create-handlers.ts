import { appHandlers } from '../app/app-handlers'
import { articleHandlers } from '../articles/article-handlers'
import { diagramHandlers } from '../diagrams/diagram-handlers'
import { searchHandlers } from '../search/search-handlers'
import { handoutHandlers } from '../handouts/handlers'
import { atlasFeatureHandlers } from '../atlas/handlers'
import type { CoreServices } from '../services'
import type { Handlers } from './handlers'

/**
 * The complete handler map, one group per feature. The `Handlers` return type makes a missing
 * channel a compile error: a feature that adds endpoints to the contract adds its group here
 * with one line.
 */
export function createHandlers(services: CoreServices): Handlers {
  return {
    ...appHandlers(services),
    ...articleHandlers(services),
    ...diagramHandlers(services),
    ...searchHandlers(services),
    ...handoutHandlers(services),
    ...atlasFeatureHandlers(services)
  }
}
