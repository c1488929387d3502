import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'

/**
 * A port nothing on 127.0.0.1 listens on now (the system picks it). Tests that start a hub use
 * one so that two test files, or two runs on one machine, never meet on the usual port.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
}
