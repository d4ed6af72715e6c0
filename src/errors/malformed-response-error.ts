import { errorGuard, ModelReferenceError } from './model-reference-error.js';

/**
 * A server answered with a success status but a body that cannot be used: an HTML page from a
 * proxy, truncated or non-JSON text, JSON of the wrong shape, a body over `maxResponseBytes`, or
 * data nested too deeply to read.
 */
export class MalformedResponseError extends ModelReferenceError {
  override readonly name = 'MalformedResponseError' as const;
  readonly method: string;
  readonly url: string;
  /** What was wrong, e.g. `not JSON` or `results: expected array`. */
  readonly reason: string;

  constructor(init: { method: string; url: string; reason: string }, options?: ErrorOptions) {
    super('MALFORMED_RESPONSE', `${init.method} ${init.url} answered with ${init.reason}`, options);
    this.method = init.method;
    this.url = init.url;
    this.reason = init.reason;
  }
}

/** Cross-realm guard for {@link MalformedResponseError}. */
export const isMalformedResponseError: (error: unknown) => error is MalformedResponseError =
  /* @__PURE__ */ errorGuard(MalformedResponseError, 'MalformedResponseError');
