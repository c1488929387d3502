/**
 * A SHA-256 fingerprint ("AB:CD:EF:…", 32 bytes) in eight groups of eight hex digits: short
 * enough to read out across a room and compare, group by group, on the hub's screen and here.
 */
export function groupFingerprint(fingerprint: string): string[] {
  const bytes = fingerprint.split(':')
  const groups: string[] = []
  for (let i = 0; i < bytes.length; i += 4) groups.push(bytes.slice(i, i + 4).join(''))
  return groups
}
