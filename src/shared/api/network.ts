import { z } from 'zod'
import { endpoint } from './contract'
import { emptyInput, isoDateSchema } from './common'
import {
  HUB_PORT_MAX,
  HUB_PORT_MIN,
  HUB_PORT_RANGE_MESSAGE,
  PASSPHRASE_MIN_LENGTH
} from '../network/constants'

/**
 * The clinic network (docs/clinic-network.md, "Network"): this computer shares its library as
 * the hub, or is joined to a hub (or to a CouchDB server), or neither. All network traffic is the
 * core's; the page only asks.
 */
export const NETWORK_MODES = ['off', 'hub', 'client', 'couchdb'] as const
export const networkModeSchema = z.enum(NETWORK_MODES)
export type NetworkMode = z.infer<typeof networkModeSchema>

export const passphraseSchema = z
  .string()
  .min(PASSPHRASE_MIN_LENGTH, `The passphrase needs at least ${PASSPHRASE_MIN_LENGTH} characters.`)
  .max(200, 'The passphrase can be at most 200 characters.')

const nameSchema = (what: string) =>
  z.string().trim().min(1, `Enter ${what}.`).max(80, `${what} can be at most 80 characters.`)

/** A SHA-256 fingerprint as shown: 32 bytes in hex pairs, grouped for reading aloud. */
export const fingerprintSchema = z
  .string()
  .regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'That is not a certificate fingerprint.')

export const hostSchema = z
  .string()
  .trim()
  .min(1, 'Enter the hub’s address.')
  .max(253)
  .regex(/^[A-Za-z0-9.:[\]-]+$/, 'An address is numbers and dots (192.168.1.20) or a name.')

export const portSchema = z.number().int().min(1).max(65535)

/** The port this computer's hub listens on (the clinic may choose it). */
export const hubPortSchema = z
  .number()
  .int(HUB_PORT_RANGE_MESSAGE)
  .min(HUB_PORT_MIN, HUB_PORT_RANGE_MESSAGE)
  .max(HUB_PORT_MAX, HUB_PORT_RANGE_MESSAGE)

export const syncStateSchema = z.enum(['off', 'connecting', 'connected', 'offline', 'error'])

export const hubComputerSchema = z.object({
  id: z.string(),
  name: z.string(),
  joinedAt: isoDateSchema,
  lastSeenAt: isoDateSchema.nullable(),
  removed: z.boolean()
})
export type HubComputer = z.infer<typeof hubComputerSchema>

export const networkStatusSchema = z.object({
  mode: networkModeSchema,
  /** The clinic library's name (what a hub announces, what a room joined). */
  libraryName: z.string().nullable(),
  /** Replication as the sync module reports it (off on the hub and when not joined). */
  sync: z.object({
    state: syncStateSchema,
    lastSyncedAt: isoDateSchema.nullable(),
    waiting: z.number().int().nonnegative()
  }),
  /** What the user should know now (hub not reachable, certificate changed, removed…), or null. */
  problem: z.string().nullable(),
  /** What happened that the user may want to know, not a problem (the hub moved; followed). */
  notice: z.string().nullable(),
  hub: z
    .object({
      running: z.boolean(),
      port: portSchema,
      /** This computer's addresses on the clinic network, to type on a joining computer. */
      addresses: z.array(z.string()),
      fingerprint: fingerprintSchema,
      computers: z.array(hubComputerSchema),
      /** Announced on the local network (mDNS); false when multicast is not available. */
      announced: z.boolean()
    })
    .nullable(),
  client: z
    .object({
      /** "192.168.1.20:45984" or a CouchDB URL without its password. */
      address: z.string(),
      fingerprint: fingerprintSchema.nullable(),
      computerName: z.string().nullable()
    })
    .nullable()
})
export type NetworkStatus = z.infer<typeof networkStatusSchema>

export const discoveredHubSchema = z.object({
  libraryName: z.string(),
  host: z.string(),
  port: portSchema,
  /** The first characters of the hub's fingerprint, as its announcement gives them. */
  fingerprintPrefix: z.string()
})
export type DiscoveredHub = z.infer<typeof discoveredHubSchema>

export const hubCheckSchema = z.object({
  host: z.string(),
  port: portSchema,
  libraryName: z.string(),
  fingerprint: fingerprintSchema
})
export type HubCheck = z.infer<typeof hubCheckSchema>

export const joinReportSchema = z.object({
  libraryName: z.string(),
  /** The backup made before merging. */
  backupPath: z.string(),
  /** What this computer held before joining, now merged into the clinic library. */
  merged: z.object({
    articles: z.number().int().nonnegative(),
    notes: z.number().int().nonnegative(),
    handouts: z.number().int().nonnegative()
  }),
  /** Documents received in the hub's snapshot. */
  received: z.number().int().nonnegative()
})
export type JoinReport = z.infer<typeof joinReportSchema>

const hubAddressInput = { host: hostSchema, port: portSchema }

export const networkEndpoints = {
  'network:status': endpoint(emptyInput, networkStatusSchema),
  /** Makes this computer the hub: its certificate (made once), the passphrase, the server. */
  'network:share': endpoint(
    z
      .object({
        libraryName: nameSchema('a name for the clinic library'),
        passphrase: passphraseSchema,
        port: hubPortSchema.optional()
      })
      .strict(),
    networkStatusSchema
  ),
  /**
   * The hub listens on another port from now on; refused with a message (and the hub kept where
   * it was) when another program uses that port.
   */
  'network:setHubPort': endpoint(z.object({ port: hubPortSchema }).strict(), networkStatusSchema),
  'network:stopSharing': endpoint(emptyInput, networkStatusSchema),
  /** The hub refuses this computer from now on (its token); it keeps its own copy. */
  'network:removeComputer': endpoint(
    z.object({ id: z.string().min(1) }).strict(),
    networkStatusSchema
  ),
  /** Hubs announcing themselves on the local network (looking starts on the first call). */
  'network:discover': endpoint(emptyInput, z.object({ hubs: z.array(discoveredHubSchema) })),
  /** First contact: the hub's name and certificate fingerprint, to compare with the hub's screen. */
  'network:checkHub': endpoint(z.object(hubAddressInput).strict(), hubCheckSchema),
  /** Joins with the passphrase, pinning the fingerprint the user compared. */
  'network:join': endpoint(
    z
      .object({
        ...hubAddressInput,
        fingerprint: fingerprintSchema,
        passphrase: z.string().min(1, 'Enter the clinic passphrase.').max(200),
        computerName: nameSchema('a name for this computer')
      })
      .strict(),
    joinReportSchema
  ),
  /** Joins a CouchDB server instead of a Pointbook hub. */
  'network:joinCouchDb': endpoint(
    z
      .object({
        url: z.string().trim().url('Enter the server’s address, like https://couch.example:6984.'),
        user: z.string().trim().min(1, 'Enter the user name.').max(200),
        password: z.string().min(1, 'Enter the password.').max(200)
      })
      .strict(),
    joinReportSchema
  ),
  /** Stops replicating and forgets the hub; this computer keeps everything it has. */
  'network:leave': endpoint(emptyInput, networkStatusSchema)
}
