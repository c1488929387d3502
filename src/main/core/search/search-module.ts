import { defineModule } from '../module'
import type { SettingsService } from '../settings/settings-service'
import { searchHandlers } from './search-handlers'
import { SearchIndex } from './search-index'
import { SYNONYMS_FOLDER } from './synonym-folder'
import * as synonyms from './synonyms'

/** The one index every kind of item is written to (in the same transaction as its save). */
export const searchModule = defineModule({
  name: 'search',
  needs: ['settings'],
  // The clinic profile's default handout language ranks first when a search names no language,
  // so the renderer need not know the profile to search in the clinic's language.
  create: ({ db }, { settings }: { readonly settings: SettingsService }) =>
    new SearchIndex(db, { clinicLanguage: () => settings.defaultHandoutLanguage() }),
  handlers: searchHandlers,
  builtins: {
    folders: [SYNONYMS_FOLDER],
    importerVersion: 1,
    run: (search, { resourcesDir }, { db, guard }) => {
      if (guard.readOnly) return
      const file = synonyms.loadSynonymFile(resourcesDir)
      db.transaction(() =>
        search.replaceSynonyms(file ? synonyms.synonymEntries(file) : new Map())
      )()
    }
  }
})
