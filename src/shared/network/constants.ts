/** The port a hub listens on unless the clinic chooses another. */
export const DEFAULT_HUB_PORT = 45984

/** At least this many characters: the passphrase is all that keeps another computer out. */
export const PASSPHRASE_MIN_LENGTH = 8
