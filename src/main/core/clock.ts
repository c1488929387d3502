/** Where every timestamp comes from, so tests can fix time (deterministic clocks, docs/architecture.md §5). */
export type Clock = () => Date

/** The ISO-8601 form every timestamp is stored and shown in. */
export const isoNow = (clock: Clock): string => clock().toISOString()
