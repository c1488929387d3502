import { defineModule } from '../module'
import { searchHandlers } from './search-handlers'
import { SearchIndex } from './search-index'
import { SYNONYMS_FOLDER, loadSynonymFile, synonymEntries } from './synonyms'

/** The one index every kind of item is written to (in the same transaction as its save). */
export const searchModule = defineModule({
  name: 'search',
  needs: [],
  create: ({ db }) => new SearchIndex(db),
  handlers: searchHandlers,
  builtins: {
    folders: [SYNONYMS_FOLDER],
    importerVersion: 1,
    run: (search, { resourcesDir }, { db, guard }) => {
      if (guard.readOnly) return
      const file = loadSynonymFile(resourcesDir)
      db.transaction(() => search.replaceSynonyms(file ? synonymEntries(file) : new Map()))()
    }
  }
})
