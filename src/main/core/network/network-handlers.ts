import type { HandlerGroup } from '../api/handlers'
import type { NetworkService } from './network-service'

export type NetworkChannel =
  | 'network:status'
  | 'network:share'
  | 'network:setHubPort'
  | 'network:stopSharing'
  | 'network:removeComputer'
  | 'network:discover'
  | 'network:checkHub'
  | 'network:join'
  | 'network:joinCouchDb'
  | 'network:leave'

export const networkHandlers = (network: NetworkService): HandlerGroup<NetworkChannel> => ({
  'network:status': () => network.status(),
  'network:share': (input) => network.share(input),
  'network:setHubPort': ({ port }) => network.setHubPort(port),
  'network:stopSharing': () => network.stopSharing(),
  'network:removeComputer': ({ id }) => network.removeComputer(id),
  'network:discover': () => network.discover(),
  'network:checkHub': ({ host, port }) => network.checkHub(host, port),
  'network:join': (input) => network.join(input),
  'network:joinCouchDb': (input) => network.joinCouchDb(input),
  'network:leave': () => network.leave()
})
