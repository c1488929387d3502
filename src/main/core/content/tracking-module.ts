import { defineModule } from '../module'
import { BuiltinTracking } from './builtin-tracking'

/** What each built-in item was imported as, so upgrades never overwrite a clinic's edit. */
export const trackingModule = defineModule({
  name: 'tracking',
  needs: [],
  create: ({ db }) => new BuiltinTracking(db)
})
