/**
 * The limits of the e2e tests (harness.ts; vitest.config.mts repeats the numbers). None is a
 * speed target: speed is measured by `npm run bench`. Each is far above what the work takes on a
 * loaded machine, so only a step or a test that will never finish fails on one, never a slow one.
 */

/**
 * One Playwright step: a launch, a navigation, a click, a wait for an element, an expect.poll.
 * A step that runs out fails with its locator in the message, before the test's own limit.
 */
export const STEP_TIMEOUT_MS = 180_000

/** One test, or a hook (a test is many steps; beforeAll starts the app). */
export const TEST_TIMEOUT_MS = 600_000
