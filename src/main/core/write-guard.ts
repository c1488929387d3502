import { ApiError } from '../../shared/api/errors'

/**
 * Knows whether the library may be changed. Every service method that writes calls
 * `assertWritable()` first, so a read-only library (D4) refuses edits with one clear sentence
 * instead of a low-level SQLite error.
 */
export class WriteGuard {
  /**
   * @param beforeWrite runs before every write of a writable library: the integrity gate, which
   *   finishes a deferred full check first and refuses a damaged file (docs/data-safety.md).
   */
  constructor(
    readonly readOnly: boolean,
    readonly reason: string | null,
    private readonly beforeWrite: () => void = () => undefined
  ) {}

  assertWritable(): void {
    if (!this.readOnly) {
      this.beforeWrite()
      return
    }
    throw new ApiError(
      'read_only',
      `Pointbook opened this library read-only, so changes cannot be saved. ${this.reason ?? ''}`.trim()
    )
  }
}
