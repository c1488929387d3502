import type { HandlerGroup } from '../api/handlers'
import type { HandoutService } from './handout-service'

export type HandoutChannel =
  | 'handouts:list'
  | 'handouts:frontDesk'
  | 'handouts:setHidden'
  | 'handouts:get'
  | 'handouts:create'
  | 'handouts:save'
  | 'handouts:addLanguage'
  | 'handouts:versions'
  | 'handouts:approve'
  | 'handouts:resetToBuiltin'

/** The handouts' share of the handler map (printing them is the print module's). */
export const handoutHandlers = (handouts: HandoutService): HandlerGroup<HandoutChannel> => ({
  'handouts:list': () => handouts.list(),
  'handouts:frontDesk': () => handouts.frontDesk(),
  'handouts:setHidden': ({ id, hidden }) => handouts.setHidden(id, hidden),
  'handouts:get': ({ id, lang, version }) => handouts.get(id, lang, version),
  'handouts:create': (input) => handouts.create(input),
  'handouts:save': (input) => handouts.save(input),
  'handouts:addLanguage': (input) => handouts.addLanguage(input),
  'handouts:versions': ({ id, lang }) => handouts.versions(id, lang),
  'handouts:approve': (input) => handouts.approve(input),
  'handouts:resetToBuiltin': ({ id, lang }) => handouts.resetToBuiltin(id, lang)
})
