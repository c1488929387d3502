import type { HandlerGroup } from '../api/handlers'
import type { CoreServices } from '../services'

export const appHandlers = ({ info }: CoreServices): HandlerGroup<'app:info'> => ({
  'app:info': () => info()
})
