import { ZodError } from 'zod'
import { contract, isChannel, ApiError } from '../../../shared/api'
import type { ApiErrorData, ApiResult } from '../../../shared/api'
import { diskWriteApiError } from './disk-errors'
import type { Handlers } from './handlers'

/** Turns zod issues into one sentence a person can act on. */
export function describeZodError(error: ZodError): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
    return `${where}${issue.message}`
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
  if (!isChannel(channel)) {
    return fail({ code: 'unknown_channel', message: 'This action is not available.' })
  }
  const endpoint = contract[channel]
  const parsed = endpoint.input.safeParse(rawInput ?? {})
  if (!parsed.success) {
    return fail({ code: 'invalid_input', message: describeZodError(parsed.error) })
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown
    const value = await handler(parsed.data)
    // Parse the output too: it strips anything a service returned that the contract does not
    // declare, so internal fields can never leak to the page.
    return { ok: true, value: endpoint.output.parse(value) }
  } catch (error) {
    if (error instanceof ApiError) return fail(error.toData())
    if (error instanceof ZodError) {
      return fail({ code: 'invalid_input', message: describeZodError(error) })
    }
    log(`Pointbook: ${channel} failed`, error)
    const diskError = diskWriteApiError(error)
    if (diskError) return fail(diskError.toData())
    return fail({ code: 'internal', message: 'Something went wrong. Nothing was changed.' })
  }
}

const fail = (error: ApiErrorData): ApiResult<never> => ({ ok: false, error })
