import { X509Certificate } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { generate } from 'selfsigned'

/** The hub's certificate and key: made once, kept in the data folder, never in a backup. */
export interface HubCertificate {
  readonly certPem: string
  readonly keyPem: string
  /** SHA-256 of the certificate, "AB:CD:…" (what both screens show and a room pins). */
  readonly fingerprint: string
}

export const NETWORK_FOLDER = 'clinic-network'
const CERT_FILE = 'hub-certificate.pem'
const KEY_FILE = 'hub-key.pem'

/** Twenty years: a clinic should never meet an expired certificate it cannot renew by itself. */
const VALID_YEARS = 20

export const fingerprintOf = (certPem: string): string =>
  new X509Certificate(certPem).fingerprint256

/**
 * The hub's certificate, made on the first "Share" (an EC P-256 key, self-signed) and read back
 * afterwards, so the fingerprint the rooms pinned stays the same across restarts. The key file is
 * readable by this user only (0600).
 */
export async function hubCertificate(dataDir: string): Promise<HubCertificate> {
  const folder = join(dataDir, NETWORK_FOLDER)
  const certPath = join(folder, CERT_FILE)
  const keyPath = join(folder, KEY_FILE)
  if (existsSync(certPath) && existsSync(keyPath)) {
    const certPem = readFileSync(certPath, 'utf8')
    return { certPem, keyPem: readFileSync(keyPath, 'utf8'), fingerprint: fingerprintOf(certPem) }
  }
  mkdirSync(folder, { recursive: true, mode: 0o700 })
  const now = new Date()
  const until = new Date(now)
  until.setFullYear(until.getFullYear() + VALID_YEARS)
  const made = await generate([{ name: 'commonName', value: 'Pointbook clinic hub' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: until
  })
  // The key first: a certificate without its key would be read back as a broken pair.
  writeFileSync(keyPath, made.private, { mode: 0o600 })
  chmodSync(keyPath, 0o600)
  writeFileSync(certPath, made.cert, { mode: 0o644 })
  return { certPem: made.cert, keyPem: made.private, fingerprint: fingerprintOf(made.cert) }
}
