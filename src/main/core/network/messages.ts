import { HUB_PORT_MAX, HUB_PORT_MIN } from '../../../shared/network/constants'

/**
 * What the clinic is told when the network refuses or fails (plain words: who to ask, what still
 * works). One place, so the hub's refusals, the join screen and the status say the same thing.
 */
export const NETWORK_MESSAGES = {
  wrongPassphrase: (triesLeft: number) =>
    `That is not the clinic passphrase. Check it with the person who set up the hub and try again (${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left before a one-minute wait).`,
  locked: (seconds: number) =>
    `Too many wrong passphrases from this computer. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
  certificateChanged:
    'The hub’s security certificate has changed, so this computer did not connect and sent nothing. ' +
    'Another computer may be pretending to be the hub. Ask the person who looks after the hub: ' +
    'if the hub was set up again, leave the clinic network here and join again, comparing the new ' +
    'fingerprint on both screens.',
  fingerprintMismatch:
    'The hub’s fingerprint is not the one you compared, so this computer did not join. Check the ' +
    'hub’s screen again; if it shows another fingerprint, ask the person who looks after the hub.',
  removed:
    'The hub removed this computer from the clinic network. It keeps its own copy and keeps working. ' +
    'To share again, join the clinic library again with the passphrase.',
  unknownComputer:
    'The hub does not know this computer any more (it may have been set up again). Leave the clinic ' +
    'network here and join again.',
  unreachable:
    'The hub is not reachable. Keep working: everything is saved on this computer and is sent when ' +
    'the hub is back.',
  notAHub:
    'That address answered, but it is not a Pointbook hub. Check the address on the hub’s screen.',
  portInUse: (port: number) =>
    `Port ${port} is used by another program on this computer. Choose another number from ${HUB_PORT_MIN} to ${HUB_PORT_MAX}.`,
  couchRefused: 'The CouchDB server refused the user name or password.',
  followed: (address: string) =>
    `The clinic library moved to ${address}; this computer found it there and reconnected.`,
  notFollowed: (address: string) =>
    `A computer at ${address} announced itself as this clinic library's hub but showed another security certificate, so this computer did not connect to it and sent nothing.`
} as const

/** Problems the client notices while replicating (shown in the status until they clear). */
export type TransportProblem = 'certificate' | 'removed' | 'unknown' | 'unreachable'

export const problemMessage = (problem: TransportProblem): string =>
  ({
    certificate: NETWORK_MESSAGES.certificateChanged,
    removed: NETWORK_MESSAGES.removed,
    unknown: NETWORK_MESSAGES.unknownComputer,
    unreachable: NETWORK_MESSAGES.unreachable
  })[problem]

const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'POINTBOOK_CERT_CHANGED'
])

/** A failed connection: a certificate that is not the pinned one, or the hub being away. */
export function transportProblemOf(error: unknown): TransportProblem {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && CERTIFICATE_CODES.has(code) ? 'certificate' : 'unreachable'
}

/** Listening failed because another program holds the port. */
export const isPortInUse = (error: unknown): boolean =>
  (error as { code?: unknown } | null)?.code === 'EADDRINUSE'
