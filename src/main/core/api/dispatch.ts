import type { ZodError } from 'zod'
import type { Channel } from '../../../shared/api'
import { endpointOf } from '../../../shared/api/endpoints'
import { ApiError, cutInput } from '../../../shared/api/errors'
import type { ApiErrorData, ApiResult } from '../../../shared/api/errors'
import { diskWriteApiError } from './disk-errors'
import type { Handlers } from './handlers'

/** Turns zod issues into one sentence a person can act on. */
export function describeZodError(error: ZodError): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length > 0 ? `${cutInput(issue.path.join('.'))}: ` : ''
    return `${where}${cutInput(issue.message, 160)}`
  })
  return parts.join('; ')
}

/**
 * The one way into the core from outside: used by the Electron IPC handlers and by the e2e
 * harness, so the page under test goes through exactly the same validation as the app.
 * Never throws; unexpected errors are logged here and reported without internals (a full disk
 * or a failed write as io_error with a sentence the clinic can act on, anything else as internal).
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  rawInput: unknown,
  log: (message: string, error: unknown) => void = (message, error) => console.error(message, error)
): Promise<ApiResult<unknown>> {
  // Loads the channel's domain of the contract on its first call (shared/api/endpoints.ts).
  const endpoint = endpointOf(channel)
  if (endpoint === undefined) {
    return fail({ code: 'unknown_channel', message: 'This action is not available.' })
  }
  const name = channel as Channel
  const parsed = endpoint.input.safeParse(rawInput ?? {})
  if (!parsed.success) {
    return fail({ code: 'invalid_input', message: describeZodError(parsed.error) })
  }
  let value: unknown
  try {
    const handler = handlers[name] as (input: unknown) => unknown
    value = await handler(parsed.data)
  } catch (error) {
    if (error instanceof ApiError) return fail(shortened(error.toData()))
    if (isZodError(error)) {
      // A service that checks a value against a schema itself (e.g. a profile draft).
      return fail({ code: 'invalid_input', message: describeZodError(error) })
    }
    log(`Pointbook: ${name} failed`, error)
    const diskError = diskWriteApiError(error)
    if (diskError) return fail(diskError.toData())
    return fail(INTERNAL)
  }
  // Parse the output too: it strips anything a service returned that the contract does not
  // declare, so internal fields can never leak to the page. A failure here is the core's bug,
  // not the user's input: logged with the channel, reported as internal.
  const output = endpoint.output.safeParse(value)
  if (!output.success) {
    log(`Pointbook: ${name} returned a value the contract does not allow`, output.error)
    return fail(INTERNAL)
  }
  return { ok: true, value: output.data }
}

const INTERNAL: ApiErrorData = {
  code: 'internal',
  message: 'Something went wrong. Nothing was changed.'
}

/** The longest error message sent to the page: a message never echoes a long input back. */
export const MAX_ERROR_MESSAGE_CHARS = 400

function shortened(error: ApiErrorData): ApiErrorData {
  if (error.message.length <= MAX_ERROR_MESSAGE_CHARS) return error
  return { ...error, message: `${error.message.slice(0, MAX_ERROR_MESSAGE_CHARS - 1)}…` }
}

/**
 * A zod error a service threw, told apart by its shape: `instanceof` would need zod's classes,
 * which a start-up never loads otherwise (docs/architecture.md §6).
 */
function isZodError(error: unknown): error is ZodError {
  return (
    error instanceof Error &&
    (error.name === 'ZodError' || error.name === '$ZodError') &&
    Array.isArray((error as { issues?: unknown }).issues)
  )
}

const fail = (error: ApiErrorData): ApiResult<never> => ({ ok: false, error })
