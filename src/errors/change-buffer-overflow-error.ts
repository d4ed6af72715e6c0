import { errorGuard, ModelReferenceError } from './model-reference-error.js';

/**
 * A `changes()` iterator fell behind: more change events waited unread than its `bufferSize`.
 * Rather than drop one silently, it delivers every event it held, then fails with this error and
 * stops listening. Re-read the categories you track to catch up, and iterate again.
 *
 * @example
 * ```ts
 * try {
 *   for await (const change of refs.changes()) await slowWork(change);
 * } catch (error) {
 *   if (isChangeBufferOverflowError(error)) await resync();
 * }
 * ```
 */
export class ChangeBufferOverflowError extends ModelReferenceError {
  override readonly name = 'ChangeBufferOverflowError' as const;
  /** The buffer size that was exceeded. */
  readonly bufferSize: number;

  constructor(bufferSize: number) {
    super(
      'CHANGE_BUFFER_OVERFLOW',
      `More than ${bufferSize} change events waited unread (bufferSize), so the iterator stopped rather than drop one; read faster or raise bufferSize, and re-read the categories to catch up.`,
    );
    this.bufferSize = bufferSize;
  }
}

/** Cross-realm guard for {@link ChangeBufferOverflowError}. */
export const isChangeBufferOverflowError: (error: unknown) => error is ChangeBufferOverflowError =
  /* @__PURE__ */ errorGuard(ChangeBufferOverflowError, 'ChangeBufferOverflowError');
