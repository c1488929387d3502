import type { BuiltinTracking } from '../content/builtin-tracking'
import { defineModule } from '../module'
import type { SearchIndex } from '../search/search-index'
import { atlasHandlers } from './atlas-handlers'
import { AtlasService } from './atlas-service'

/** Muscles with their trigger points and referral zones, and the 361 acupoints. */
export const atlasModule = defineModule({
  name: 'atlas',
  needs: ['search', 'tracking'],
  create: (
    { db, clock, guard },
    needs: { readonly search: SearchIndex; readonly tracking: BuiltinTracking }
  ) => new AtlasService({ db, clock, guard, ...needs }),
  handlers: atlasHandlers,
  builtins: {
    folders: ['muscles', 'acupoints'],
    importerVersion: 1,
    run: (atlas, { resourcesDir, warn, beforeChangingExisting }) =>
      atlas.importBuiltins(resourcesDir, warn, beforeChangingExisting)
  }
})
