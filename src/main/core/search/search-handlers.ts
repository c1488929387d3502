import type { HandlerGroup } from '../api/handlers'
import type { SearchIndex } from './search-index'

export const searchHandlers = (search: SearchIndex): HandlerGroup<'search:query'> => ({
  'search:query': (query) => search.query(query)
})
