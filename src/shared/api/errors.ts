/**
 * Errors cross the process boundary as plain `{ code, message }` data (never a stack trace):
 * Electron flattens thrown errors to a string, so every call returns an ApiResult instead and the
 * renderer's api module turns a failure back into a thrown ApiError.
 */
export const API_ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'forbidden',
  /** Refused because this computer is in front-desk mode (docs/front-desk-role.md). */
  'forbidden_role',
  'read_only',
  'unknown_channel',
  'newer_database',
  'corrupt_database',
  'io_error',
  'internal'
] as const

export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

export interface ApiErrorData {
  readonly code: ApiErrorCode
  readonly message: string
}

export type ApiResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiErrorData }

/** Thrown by core services for expected failures; its message is shown to the user as is. */
export class ApiError extends Error {
  readonly code: ApiErrorCode

  constructor(code: ApiErrorCode, message: string) {
    super(message)
    this.name = 'ApiError'
    this.code = code
  }

  toData(): ApiErrorData {
    return { code: this.code, message: this.message }
  }
}

export const isApiErrorData = (value: unknown): value is ApiErrorData =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { code?: unknown }).code === 'string' &&
  (API_ERROR_CODES as readonly string[]).includes((value as { code: string }).code) &&
  typeof (value as { message?: unknown }).message === 'string'

/**
 * A piece of what the user sent, as an error message may quote it: at most `max` characters, cut
 * with an ellipsis, so a pasted paragraph is never echoed back in full.
 */
export function cutInput(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}
