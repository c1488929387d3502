import type { HandlerGroup } from '../api/handlers'
import type { HandoutServices } from './feature'

export type HandoutChannel =
  | 'handouts:list'
  | 'handouts:get'
  | 'handouts:create'
  | 'handouts:save'
  | 'handouts:addLanguage'
  | 'handouts:versions'
  | 'handouts:approve'
  | 'handouts:resetToBuiltin'
  | 'handouts:preview'
  | 'handouts:print'
  | 'handouts:savePdf'
  | 'printLog:list'
  | 'printLog:reprint'
  | 'settings:getProfile'
  | 'settings:saveProfile'
  | 'settings:setLogo'
  | 'settings:clearLogo'
  | 'settings:printers'

/** Issue 3's share of the handler map: handouts, printing and the clinic profile. */
export function handoutHandlers(services: HandoutServices): HandlerGroup<HandoutChannel> {
  const { handouts, print, settings } = services
  return {
    'handouts:list': () => handouts.list(),
    'handouts:get': ({ id, lang, version }) => handouts.get(id, lang, version),
    'handouts:create': (input) => handouts.create(input),
    'handouts:save': (input) => handouts.save(input),
    'handouts:addLanguage': (input) => handouts.addLanguage(input),
    'handouts:versions': ({ id, lang }) => handouts.versions(id, lang),
    'handouts:approve': (input) => handouts.approve(input),
    'handouts:resetToBuiltin': ({ id, lang }) => handouts.resetToBuiltin(id, lang),
    'handouts:preview': (input) => print.preview(input),
    'handouts:print': (input) => print.print(input),
    'handouts:savePdf': (input) => print.savePdf(input),
    'printLog:list': ({ limit }) => print.listLog(limit),
    'printLog:reprint': (input) => print.reprint(input),
    'settings:getProfile': () => settings.getProfile(),
    'settings:saveProfile': (input) => settings.saveProfile(input),
    'settings:setLogo': ({ fileName, dataBase64 }) => settings.setLogo(fileName, dataBase64),
    'settings:clearLogo': () => settings.clearLogo(),
    'settings:printers': () => print.listPrinters()
  }
}
