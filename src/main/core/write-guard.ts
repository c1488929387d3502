import { ApiError } from '../../shared/api'

/**
 * Knows whether the library may be changed. Every service method that writes calls
 * `assertWritable()` first, so a read-only library (D4) refuses edits with one clear sentence
 * instead of a low-level SQLite error.
 */
export class WriteGuard {
  constructor(
    readonly readOnly: boolean,
    readonly reason: string | null
  ) {}

  assertWritable(): void {
    if (!this.readOnly) return
    throw new ApiError(
      'read_only',
      `Pointbook opened this library read-only, so changes cannot be saved. ${this.reason ?? ''}`.trim()
    )
  }
}
