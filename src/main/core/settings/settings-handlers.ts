import type { HandlerGroup } from '../api/handlers'
import type { ModuleContext } from '../module'
import { skipFirstStart } from './first-start'
import type { SettingsService } from './settings-service'

export type SettingsChannel =
  | 'settings:getProfile'
  | 'settings:profileAt'
  | 'settings:saveProfile'
  | 'settings:setLogo'
  | 'settings:clearLogo'
  | 'settings:skipFirstStart'

/** The clinic profile that brands every handout. */
export const settingsHandlers = (
  settings: SettingsService,
  context: ModuleContext
): HandlerGroup<SettingsChannel> => ({
  'settings:getProfile': () => settings.getProfile(),
  'settings:profileAt': ({ revision }) => settings.profileAt(revision),
  'settings:saveProfile': (input) => settings.saveProfile(input),
  'settings:setLogo': ({ fileName, dataBase64 }) => settings.setLogo(fileName, dataBase64),
  'settings:clearLogo': () => settings.clearLogo(),
  'settings:skipFirstStart': () => skipFirstStart(context)
})
