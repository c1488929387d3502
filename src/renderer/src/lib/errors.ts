import { ApiError } from './api'

/** A sentence to show for any failure. ApiError messages are written for people; others are not. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return 'Something went wrong. Nothing was changed.'
}

export function errorCode(error: unknown): string | null {
  return error instanceof ApiError ? error.code : null
}
