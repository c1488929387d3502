import type { HandlerGroup } from '../api/handlers'
import type { CoreServices } from '../services'

export const searchHandlers = ({ search }: CoreServices): HandlerGroup<'search:query'> => ({
  'search:query': (query) => search.query(query)
})
