import { errorGuard, ModelReferenceError } from './model-reference-error.js';

/** One field problem from a 422 validation answer. */
export interface ApiFieldIssue {
  /** Where the problem is, e.g. `['query', 'limit']`. */
  readonly loc: readonly (string | number)[];
  readonly msg: string;
  readonly type: string;
}

/**
 * The PRIMARY answered with an error status.
 *
 * `detail` is the server's `detail` string when it sent one; for 422 validation answers the field
 * problems are in `issues`. The URL never contains the API key (it travels in a header).
 */
export class ApiError extends ModelReferenceError {
  override readonly name = 'ApiError' as const;
  readonly status: number;
  /** The server's `detail` message, or the raw body text when it was not JSON. */
  readonly detail: string;
  /** Structured field problems (422 answers), otherwise empty. */
  readonly issues: readonly ApiFieldIssue[];
  readonly method: string;
  readonly url: string;
  /** The parsed response body, when it was JSON. */
  readonly body: unknown;

  constructor(init: {
    status: number;
    detail: string;
    issues?: readonly ApiFieldIssue[];
    method: string;
    url: string;
    body?: unknown;
    hint?: string;
  }) {
    super(
      'API_ERROR',
      `${init.method} ${init.url} failed with HTTP ${init.status}: ${init.detail}${init.hint ? ` ${init.hint}` : ''}`,
    );
    this.status = init.status;
    this.detail = init.detail;
    this.issues = init.issues ?? [];
    this.method = init.method;
    this.url = init.url;
    this.body = init.body;
  }
}

/** Cross-realm guard for {@link ApiError}. */
export const isApiError: (error: unknown) => error is ApiError = /* @__PURE__ */ errorGuard(
  ApiError,
  'ApiError',
);
