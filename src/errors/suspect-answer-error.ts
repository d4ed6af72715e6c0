import { errorGuard, ModelReferenceError } from './model-reference-error.js';

/**
 * An origin (or a provider) answered, but the answer would throw away most of what is held: an
 * empty category, most records gone, or most records invalid. It is treated as a failed origin:
 * the chain goes on and the last-known-good data stays, marked stale with this reason. Accept such
 * an answer with `refresh(category, { acceptSuspect: true })` or the `suspectAnswers` option.
 *
 * @example
 * ```ts
 * const attempt = error.attempts.find((a) => isSuspectAnswerError(a.cause));
 * ```
 */
export class SuspectAnswerError extends ModelReferenceError {
  override readonly name = 'SuspectAnswerError' as const;
  /** The URL that answered. */
  readonly url: string;
  /** Why the answer is not trusted. */
  readonly reason: string;

  constructor(url: string, reason: string) {
    super(
      'SUSPECT_ANSWER',
      `${url} answered with data that is not taken: ${reason}. Whatever was held is kept; refresh(category, { acceptSuspect: true }) takes such an answer.`,
    );
    this.url = url;
    this.reason = reason;
  }
}

/** Cross-realm guard for {@link SuspectAnswerError}. */
export const isSuspectAnswerError: (error: unknown) => error is SuspectAnswerError =
  /* @__PURE__ */ errorGuard(SuspectAnswerError, 'SuspectAnswerError');
