import { defineModule } from '../module'
import type { SyncPort } from '../sync/sync-port'
import { networkHandlers } from './network-handlers'
import { NetworkService } from './network-service'

/**
 * The clinic network around the library: the hub (HTTPS, certificate, passphrase, computer
 * tokens), joining one, and the status. Starts in the background: opening the library never
 * waits for the network.
 */
export const networkModule = defineModule({
  name: 'network',
  needs: ['sync'],
  create: (
    { dataDir, clock, guard, warn, platform },
    needs: { readonly sync: { readonly sync: SyncPort } }
  ) => {
    const hubOptions = platform.network ?? {}
    const service = new NetworkService({
      dataDir,
      clock,
      guard,
      warn,
      sync: needs.sync.sync,
      hubOptions
    })
    void service
      .resume()
      .catch((error: unknown) => warn(`The clinic network could not start: ${String(error)}`))
    return service
  },
  handlers: networkHandlers
})
