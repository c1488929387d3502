import { defineModule } from '../module'
import { searchHandlers } from './search-handlers'
import { SearchIndex } from './search-index'

/** The one index every kind of item is written to (in the same transaction as its save). */
export const searchModule = defineModule({
  name: 'search',
  needs: [],
  create: ({ db }) => new SearchIndex(db),
  handlers: searchHandlers
})
