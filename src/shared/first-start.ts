/**
 * The first-start setup's address. The core sends the app there on a clinic's first start
 * (core/settings/first-start.ts); the renderer draws the setup for it (features/first-start).
 * A module of its own, with no imports, so the renderer's start-up chunk stays free of zod.
 */
export const FIRST_START_PATH = '/welcome'
export const FIRST_START_HASH = `#${FIRST_START_PATH}`
