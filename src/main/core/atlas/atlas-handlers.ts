import type { HandlerGroup } from '../api/handlers'
import type { AtlasService } from './atlas-service'

export type AtlasChannel =
  | 'atlas:map'
  | 'atlas:muscles'
  | 'atlas:muscle'
  | 'atlas:fromPain'
  | 'atlas:byRoots'
  | 'acupoints:list'
  | 'acupoints:get'
  | 'acupoints:find'

/** The atlas's share of the handler map. */
export function atlasHandlers(service: AtlasService): HandlerGroup<AtlasChannel> {
  return {
    'atlas:map': () => service.map(),
    'atlas:muscles': ({ region }) => service.muscles(region),
    'atlas:muscle': ({ id }) => service.muscle(id),
    'atlas:fromPain': (spot) => service.fromPain(spot),
    'atlas:byRoots': ({ roots }) => service.byRoots(roots),
    'acupoints:list': ({ meridian }) => service.acupoints(meridian),
    'acupoints:get': ({ code }) => service.acupoint(code),
    'acupoints:find': ({ q, limit }) => service.findAcupoints(q, limit)
  }
}
