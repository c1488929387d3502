import { defineModule } from '../module'
import { settingsHandlers } from './settings-handlers'
import { SettingsService } from './settings-service'

/** The clinic profile that brands every handout, and the app's start screen. */
export const settingsModule = defineModule({
  name: 'settings',
  needs: [],
  create: ({ db, clock, guard, platform }) =>
    new SettingsService({ db, clock, guard, systemLocale: platform.locale }),
  handlers: settingsHandlers
})
