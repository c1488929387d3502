import type { BuiltinTracking } from '../content/builtin-tracking'
import { defineModule } from '../module'
import type { SearchIndex } from '../search/search-index'
import { handoutHandlers } from './handout-handlers'
import { HandoutService } from './handout-service'

/** Patient handouts in every language, with versions and approval. */
export const handoutModule = defineModule({
  name: 'handouts',
  needs: ['search', 'tracking'],
  create: (
    { db, clock, guard },
    needs: { readonly search: SearchIndex; readonly tracking: BuiltinTracking }
  ) => new HandoutService({ db, clock, guard, ...needs }),
  handlers: handoutHandlers,
  builtins: {
    folders: ['handouts'],
    importerVersion: 1,
    run: (handouts, { resourcesDir, warn, beforeChangingExisting }) =>
      handouts.importBuiltins(resourcesDir, warn, beforeChangingExisting)
  }
})
