import { Agent } from 'node:https'
import { connect } from 'node:tls'
import { X509Certificate } from 'node:crypto'
import { NETWORK_MESSAGES } from './messages'

/** `https://192.168.1.20:45984` (an IPv6 address in brackets). */
export function hubOrigin(host: string, port: number): string {
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
  return `https://${bracketed}:${port}`
}

const CONNECT_TIMEOUT_MS = 10_000

/**
 * First contact with a hub: its certificate, read from the TLS handshake alone (nothing is sent),
 * so the person joining can compare its fingerprint with the one on the hub's screen.
 */
export function readPeerCertificate(
  host: string,
  port: number
): Promise<{ certPem: string; fingerprint: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: host.replace(/^\[|\]$/g, ''),
      port,
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1']
    })
    socket.setTimeout(CONNECT_TIMEOUT_MS, () => {
      socket.destroy()
      reject(new Error(NETWORK_MESSAGES.unreachable))
    })
    socket.once('secureConnect', () => {
      const raw = socket.getPeerCertificate().raw as Buffer | undefined
      socket.destroy()
      if (raw === undefined) return reject(new Error(NETWORK_MESSAGES.notAHub))
      const certificate = new X509Certificate(raw)
      resolve({ certPem: certificate.toString(), fingerprint: certificate.fingerprint256 })
    })
    socket.once('error', () => reject(new Error(NETWORK_MESSAGES.unreachable)))
  })
}

/**
 * Connections that trust exactly one certificate, the pinned one: it is the only trust anchor,
 * and its SHA-256 must match (the hostname is not checked: a hub's address may change, its
 * certificate may not). Anything else fails in the handshake, before a token is sent.
 */
export function pinnedAgent(certPem: string, fingerprint: string): Agent {
  return new Agent({
    ca: certPem,
    keepAlive: true,
    checkServerIdentity: (_host, certificate) => {
      if (certificate.fingerprint256 === fingerprint) return undefined
      return Object.assign(new Error(NETWORK_MESSAGES.certificateChanged), {
        code: 'POINTBOOK_CERT_CHANGED'
      })
    }
  })
}
