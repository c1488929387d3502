/**
 * The only sites the app will hand to the system browser: authoritative sources the built-in
 * content cites. Exact host names (no wildcards), matched on a parsed URL, never with
 * `startsWith`: `https://doi.org.evil.example` and `https://evil.example/?doi.org` must not pass.
 * Add a host here when new content cites it.
 */
export const EXTERNAL_LINK_HOSTS: ReadonlySet<string> = new Set([
  'doi.org',
  'dx.doi.org',
  'pubmed.ncbi.nlm.nih.gov',
  'pmc.ncbi.nlm.nih.gov',
  'www.ncbi.nlm.nih.gov',
  'www.cochranelibrary.com',
  'www.who.int',
  'www.nice.org.uk',
  'www.nhs.uk',
  'nbt.nhs.uk',
  'sportsmedicine.med.ubc.ca'
])

/**
 * Whether a link may be opened in the system browser: https only, no credentials, default port,
 * host on the allow-list.
 */
export function isAllowedExternalUrl(
  url: string,
  allowedHosts: ReadonlySet<string> = EXTERNAL_LINK_HOSTS
): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    allowedHosts.has(parsed.hostname)
  )
}
