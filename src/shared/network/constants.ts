/** The port a hub listens on unless the clinic chooses another. */
export const DEFAULT_HUB_PORT = 45984

/** The ports a clinic may choose for its hub (below 1024 a program needs an administrator). */
export const HUB_PORT_MIN = 1024
export const HUB_PORT_MAX = 65535
export const HUB_PORT_RANGE_MESSAGE = `Choose a port number from ${HUB_PORT_MIN} to ${HUB_PORT_MAX}.`

/** At least this many characters: the passphrase is all that keeps another computer out. */
export const PASSPHRASE_MIN_LENGTH = 8
