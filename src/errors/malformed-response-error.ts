import { errorGuard, ModelReferenceError } from './model-reference-error.js';

/**
 * The PRIMARY answered with a success status but a body that is not what the route returns: an
 * HTML page from a proxy, truncated JSON, or JSON of the wrong shape.
 */
export class MalformedResponseError extends ModelReferenceError {
  override readonly name = 'MalformedResponseError' as const;
  readonly method: string;
  readonly url: string;
  /** What was wrong, e.g. `not JSON` or `results: expected array`. */
  readonly reason: string;

  constructor(init: { method: string; url: string; reason: string }) {
    super('MALFORMED_RESPONSE', `${init.method} ${init.url} answered with ${init.reason}`);
    this.method = init.method;
    this.url = init.url;
    this.reason = init.reason;
  }
}

/** Cross-realm guard for {@link MalformedResponseError}. */
export const isMalformedResponseError: (error: unknown) => error is MalformedResponseError =
  errorGuard(MalformedResponseError, 'MalformedResponseError');
