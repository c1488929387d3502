import { isIPv4, isIPv6 } from 'node:net'

/**
 * Whether an address is on this computer or a private (clinic) network: loopback, the RFC 1918
 * IPv4 ranges, IPv4 link-local, and IPv6 unique-local and link-local. The hub refuses every other
 * connection before its TLS handshake, so a hub on a router that forwards the port to the
 * internet still answers nobody there.
 */
export function isLocalNetworkAddress(address: string | undefined): boolean {
  if (address === undefined) return false
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  const ip = mapped?.[1] ?? address
  if (isIPv4(ip)) {
    const [a = -1, b = -1] = ip.split('.').map(Number)
    return (
      a === 127 ||
      a === 10 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254)
    )
  }
  if (!isIPv6(ip)) return false
  const lower = ip.toLowerCase().split('%')[0] ?? ''
  if (lower === '::1') return true
  const first = parseInt(lower.split(':')[0] || '0', 16)
  // fc00::/7 (unique local) and fe80::/10 (link local).
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80
}
