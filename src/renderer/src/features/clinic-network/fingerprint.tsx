import { groupFingerprint } from '../../../../shared/network/fingerprint'

/** A certificate fingerprint in groups of eight characters, to read out and compare. */
export function Fingerprint({ value, label }: { value: string; label: string }) {
  const groups = groupFingerprint(value)
  return (
    <figure className="fingerprint">
      <figcaption>{label}</figcaption>
      <code className="fingerprint__groups" aria-label={`${label}: ${groups.join(' ')}`}>
        {groups.map((group, i) => (
          <span key={i}>{group}</span>
        ))}
      </code>
    </figure>
  )
}
