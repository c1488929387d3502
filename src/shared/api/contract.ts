import type { z } from 'zod'

/**
 * One call between renderer and main: a zod schema for what goes in and what comes out.
 * Channel names are 'domain:verb'; the TypeScript types are inferred from the schemas so the
 * contract is the only source of truth for the preload, the IPC handlers and the e2e harness.
 */
export interface Endpoint<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I
  readonly output: O
}

export const endpoint = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O
): Endpoint<I, O> => ({ input, output })
